package io.bloomfit.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian long reads and writes on byte arrays: the byte encoding every function here hashes. */
final class LittleEndian {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static void putLong(byte[] bytes, int offset, long value) {
        LONGS.set(bytes, offset, value);
    }

    static long getLong(byte[] bytes, int offset) {
        return (long) LONGS.get(bytes, offset);
    }
}
