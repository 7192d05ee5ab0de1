package io.bloomfit.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Two-way map between the ids found in a source (arbitrary strings, e.g. {@code "196"} or {@code "tt0114709"}) and
 * the dense indices {@code 0..size-1} the models use, so results can be reported in the source's own ids.
 *
 * <p>Why not a {@code HashMap<String,Integer>}: the ids are kept as UTF-8 bytes in one pool and looked up in an
 * open-addressing table of ints, so loaders intern an id straight from their read buffer without allocating a
 * {@code String} per line, and a million ids cost a few tens of megabytes instead of hundreds. Dense indices are
 * given in order of first appearance.
 *
 * <p>Only loaders in this package add ids; once a {@link Dataset} hands the index out it is read only and safe to
 * share between threads.
 */
public final class IdIndex {

    private byte[] pool = new byte[256];
    private int poolSize;
    /** start of id {@code i} in {@link #pool}; its end is {@code offsets[i + 1]}. */
    private int[] offsets = new int[17];
    private int[] hashes = new int[17];
    private int size;
    /** open-addressing table of {@code index + 1}; 0 marks an empty slot. */
    private int[] table = new int[32];

    IdIndex() {
    }

    /** Ids {@code "0".."n-1"} mapped to themselves: for data that has no ids of its own (synthetic data). */
    public static IdIndex identity(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        IdIndex index = new IdIndex();
        byte[] digits = new byte[12];
        for (int i = 0; i < n; i++) {
            byte[] b = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, digits, 0, b.length);
            index.intern(digits, 0, b.length);
        }
        return index;
    }

    /** An index over the given ids, in order; a repeated id keeps its first index. */
    public static IdIndex of(String... ids) {
        IdIndex index = new IdIndex();
        for (String id : ids) {
            byte[] b = Objects.requireNonNull(id, "id").getBytes(StandardCharsets.UTF_8);
            index.intern(b, 0, b.length);
        }
        return index;
    }

    /** Number of distinct ids. */
    public int size() {
        return size;
    }

    /** The dense index of {@code id}, or -1 when the source never had it. */
    public int indexOf(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return find(b, 0, b.length, hash(b, 0, b.length));
    }

    /** The source's id for dense index {@code index}. */
    public String idOf(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside 0.." + (size - 1));
        }
        return new String(pool, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
    }

    /** Dense index of the id in {@code bytes[from, to)} (UTF-8), adding it when new. */
    int intern(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int found = find(bytes, from, to, h);
        if (found >= 0) {
            return found;
        }
        int len = to - from;
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(bytes, from, pool, poolSize, len);
        poolSize += len;
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        int index = size++;
        offsets[index + 1] = poolSize;
        hashes[index] = h;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        insert(index, h);
        return index;
    }

    private int find(byte[] bytes, int from, int to, int h) {
        int mask = table.length - 1;
        int len = to - from;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int candidate = entry - 1;
            if (hashes[candidate] == h) {
                int start = offsets[candidate];
                if (offsets[candidate + 1] - start == len
                        && Arrays.equals(pool, start, start + len, bytes, from, to)) {
                    return candidate;
                }
            }
        }
    }

    private void insert(int index, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = index + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(i, hashes[i]);
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        // final avalanche (murmur3 fmix32) so that linear probing sees well spread low bits
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
