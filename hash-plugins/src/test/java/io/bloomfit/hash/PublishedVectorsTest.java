package io.bloomfit.hash;

import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published test vectors, run through the same library calls and seed rules our functions use (the package-private
 * byte paths), so a library upgrade that changes an algorithm or our seed handling fails here.
 */
class PublishedVectorsTest {

    private static final long PRIME32 = 2654435761L;
    // The sanity check's own PRIME64 (11400714785074694797), not XXH_PRIME64_1 (...791).
    private static final long PRIME64 = Long.parseUnsignedLong("11400714785074694797");

    /** xxHash's sanity-check buffer: cli/xsum_sanity_check.c, XSUM_fillTestBuffer. */
    private static byte[] xxhSanityBuffer(int length) {
        byte[] buffer = new byte[length];
        long byteGen = PRIME32;
        for (int i = 0; i < length; i++) {
            buffer[i] = (byte) (byteGen >>> 56);
            byteGen *= PRIME64;
        }
        return buffer;
    }

    private static byte[] prefix(int length) {
        return Arrays.copyOf(xxhSanityBuffer(2367), length);
    }

    @Test
    void xxh32MatchesXxHashSanityVectors() {
        // Cyan4973/xxHash cli/xsum_sanity_check.c, XSUM_XXH32_testdata.
        Xxh32 xxh32 = new Xxh32();
        assertThat(xxh32.hashBytes(prefix(0), 0)).isEqualTo(0x02CC5D05L);
        assertThat(xxh32.hashBytes(prefix(0), PRIME32)).isEqualTo(0x36B78AE7L);
        assertThat(xxh32.hashBytes(prefix(1), 0)).isEqualTo(0xCF65B03EL);
        assertThat(xxh32.hashBytes(prefix(1), PRIME32)).isEqualTo(0xB4545AA4L);
        assertThat(xxh32.hashBytes(prefix(14), 0)).isEqualTo(0x1208E7E2L);
        assertThat(xxh32.hashBytes(prefix(14), PRIME32)).isEqualTo(0x6AF1D1FEL);
        assertThat(xxh32.hashBytes(prefix(222), 0)).isEqualTo(0x5BD11DBDL);
        assertThat(xxh32.hashBytes(prefix(222), PRIME32)).isEqualTo(0x58803C5FL);
    }

    @Test
    void xxh64MatchesXxHashSanityVectors() {
        // Cyan4973/xxHash cli/xsum_sanity_check.c, XSUM_XXH64_testdata.
        Xxh64 xxh64 = new Xxh64();
        assertThat(xxh64.hashBytes(prefix(0), 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(xxh64.hashBytes(prefix(0), PRIME32)).isEqualTo(0xAC75FDA2929B17EFL);
        assertThat(xxh64.hashBytes(prefix(1), 0)).isEqualTo(0xE934A84ADB052768L);
        assertThat(xxh64.hashBytes(prefix(1), PRIME32)).isEqualTo(0x5014607643A9B4C3L);
        assertThat(xxh64.hashBytes(prefix(4), 0)).isEqualTo(0x9136A0DCA57457EEL);
        assertThat(xxh64.hashBytes(prefix(14), 0)).isEqualTo(0x8282DCC4994E35C8L);
        assertThat(xxh64.hashBytes(prefix(14), PRIME32)).isEqualTo(0xC3BD6BF63DEB6DF0L);
        assertThat(xxh64.hashBytes(prefix(222), 0)).isEqualTo(0xB641AE8CB691C174L);
        assertThat(xxh64.hashBytes(prefix(222), PRIME32)).isEqualTo(0x20CB8AB7AE10C14AL);
    }

    @Test
    void xxh3MatchesXxHashSanityVectors() {
        // Cyan4973/xxHash cli/xsum_sanity_check.c, XSUM_XXH3_testdata (XXH3_64bits_withSeed).
        Xxh3 xxh3 = new Xxh3();
        long[][] vectors = {
                {0, 0, 0x2D06800538D394C2L}, {0, PRIME64, 0xA8A6B918B2F0364AL},
                {1, 0, 0xC44BDFF4074EECDBL}, {1, PRIME64, 0x032BE332DD766EF8L},
                {6, 0, 0x27B56A84CD2D7325L}, {6, PRIME64, 0x84589C116AB59AB9L},
                {12, 0, 0xA713DAF0DFBB77E7L}, {12, PRIME64, 0xE7303E1B2336DE0EL},
                {24, 0, 0xA3FE70BF9D3510EBL}, {24, PRIME64, 0x850E80FC35BDD690L},
                {48, 0, 0x397DA259ECBA1F11L}, {48, PRIME64, 0xADC2CBAA44ACC616L},
                {80, 0, 0xBCDEFBBB2C47C90AL}, {80, PRIME64, 0xC6DD0CB699532E73L},
                {195, 0, 0xCD94217EE362EC3AL}, {195, PRIME64, 0xBA68003D370CB3D9L},
                {403, 0, 0xCDEB804D65C6DEA4L}, {403, PRIME64, 0x6259F6ECFD6443FDL},
                {512, 0, 0x617E49599013CB6BL}, {512, PRIME64, 0x3CE457DE14C27708L},
                {2048, 0, 0xDD59E2C3A5F038E0L}, {2048, PRIME64, 0x66F81670669ABABCL},
                {2367, 0, 0xCB37AEB9E5D361EDL}, {2367, PRIME64, 0xD2DB3415B942B42AL},
        };
        for (long[] v : vectors) {
            assertThat(xxh3.hashBytes(prefix((int) v[0]), v[1])).as("len %d seed %x", v[0], v[1]).isEqualTo(v[2]);
        }
    }

    @Test
    void murmur3x32MatchesSmhasherVerificationValue() {
        // aappleby/smhasher KeysetTest.cpp VerificationTest; main.cpp lists 0xB0F57EE3 for Murmur3A (x86_32).
        Murmur3x32 murmur = new Murmur3x32();
        byte[] key = new byte[256];
        byte[] hashes = new byte[256 * 4];
        for (int i = 0; i < 256; i++) {
            key[i] = (byte) i;
            int h = (int) murmur.hashBytes(Arrays.copyOf(key, i), 256 - i);
            for (int b = 0; b < 4; b++) {
                hashes[i * 4 + b] = (byte) (h >>> (8 * b));
            }
        }
        assertThat(murmur.hashBytes(hashes, 0)).isEqualTo(0xB0F57EE3L);
    }

    @Test
    void murmur3x128UsesTheReferenceUnsignedSeed() {
        // Values of Austin Appleby's reference MurmurHash3_x64_128 (h1) for this string, published in
        // OpenHFT/Zero-Allocation-Hashing src/test/java/net/openhft/hashing/Murmur3SeedCompatibilityTest.java.
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        Murmur3x128 murmur = new Murmur3x128();
        assertThat(murmur.hashBytes(fox, 0x8000_0000L)).isEqualTo(0xace3941990e3b4e7L);
        assertThat(murmur.hashBytes(fox, 0xFFFF_FFFFL)).isEqualTo(0x691c1d73a800a18aL);
        // A 64-bit seed keeps its low 32 bits, as a C caller's conversion to uint32_t does.
        assertThat(murmur.hashBytes(fox, -1L)).isEqualTo(0x691c1d73a800a18aL);
        assertThat(murmur.hashBytes(fox, 0x1_8000_0000L)).isEqualTo(0xace3941990e3b4e7L);
        // Why the mask matters: Guava sign-extends an int seed and so misses the reference for seeds >= 2^31.
        assertThat(Hashing.murmur3_128(0x8000_0000).hashBytes(fox).asLong()).isNotEqualTo(0xace3941990e3b4e7L);
    }

    @Test
    void metro64MatchesReferenceTestVectors() {
        // jandrewrogers/metrohash metrohash64.cpp: MetroHash64::test_string, test_seed_0 and test_seed_1
        // (6B 75 3D AE 06 70 4B AD and 3B 0D 48 1C F4 B9 B8 DF, read little-endian).
        byte[] text = "012345678901234567890123456789012345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        Metro64 metro = new Metro64();
        assertThat(metro.hashBytes(text, 0)).isEqualTo(0xAD4B7006AE3D756BL);
        assertThat(metro.hashBytes(text, 1)).isEqualTo(0xDFB8B9F41C480D3BL);
    }

    @Test
    void wyhashMatchesPublishedEightByteVector() {
        // github.com/zeebo/wyhash vecs_test.go: vecs[8] = Hash(bytes 00..07, seed 0x0102030405060708), an 8-byte
        // input, so it checks our definition directly: bytes 00..07 are the little-endian encoding of this key.
        assertThat(new WyHash().hash(0x0706050403020100L, 0x0102030405060708L)).isEqualTo(0xbac1d2ef199ea79aL);
    }

    @Test
    void digestsMatchRfcAndFipsVectors() {
        // RFC 1321 appendix A.5 and FIPS 180-2 appendix B: digests of "abc" and of the empty message; the first 8
        // digest bytes read little-endian.
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(new Md5().digestPrefix(abc)).isEqualTo(0xb04fd23c98500190L); // 900150983cd24fb0...
        assertThat(new Md5().digestPrefix(new byte[0])).isEqualTo(0x04b2008fd98c1dd4L); // d41d8cd98f00b204...
        assertThat(new Sha1().digestPrefix(abc)).isEqualTo(0x6a810647363e99a9L); // a9993e364706816a...
        assertThat(new Sha256().digestPrefix(abc)).isEqualTo(0xeacf018fbf1678baL); // ba7816bf8f01cfea...
    }
}
