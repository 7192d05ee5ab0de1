package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A cryptographic digest used as a seeded 64-bit hash: the first 8 bytes, read little-endian, of
 * {@code digest(seed as 8 little-endian bytes ‖ key as 8 little-endian bytes)}, from the JDK's
 * {@link MessageDigest}.
 *
 * <p>Why this shape: digests take no seed, so the seed is hashed as a prefix; this is the baseline showing what
 * "as random as it gets" costs. Each thread keeps its own digest and buffer ({@code MessageDigest} is not
 * thread-safe), so a call allocates nothing.
 */
abstract class DigestPrefixHash implements HashFunction {

    private static final int INPUT_BYTES = 2 * Long.BYTES;

    private final String algorithm;
    private final ThreadLocal<State> states;

    DigestPrefixHash(String algorithm) {
        this.algorithm = algorithm;
        newDigest(algorithm); // fail at load time, naming the algorithm, if the JDK lacks it
        this.states = ThreadLocal.withInitial(() -> new State(newDigest(algorithm)));
    }

    @Override
    public final long hash(long key, long seed) {
        State state = states.get();
        byte[] buffer = state.buffer;
        LittleEndian.putLong(buffer, 0, seed);
        LittleEndian.putLong(buffer, Long.BYTES, key);
        state.digest.update(buffer, 0, INPUT_BYTES);
        try {
            state.digest.digest(buffer, INPUT_BYTES, buffer.length - INPUT_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException(algorithm + " digest did not fit its buffer", e);
        }
        return LittleEndian.getLong(buffer, INPUT_BYTES);
    }

    /** The first 8 bytes, little-endian, of the digest of {@code message}: lets tests check published digests. */
    final long digestPrefix(byte[] message) {
        return LittleEndian.getLong(newDigest(algorithm).digest(message), 0);
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no " + algorithm + " MessageDigest, which every Java "
                    + "platform must provide; use a standard JDK or choose another hash function", e);
        }
    }

    private static final class State {
        final MessageDigest digest;
        final byte[] buffer;

        State(MessageDigest digest) {
            this.digest = digest;
            this.buffer = new byte[INPUT_BYTES + digest.getDigestLength()];
        }
    }
}
