package io.bloomfit.engine.djl;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises fits in this JVM. DJL's PyTorch gradient collector keeps a static "collecting" flag, so two
 * trainings running at once in one JVM fail ("A PtGradientCollector is already collecting"). Every fit of
 * the {@code djl} trainer holds this lock; concurrent callers wait their turn. Parallel grid points therefore
 * need separate processes.
 */
final class DjlTrainingLock {

    static final ReentrantLock LOCK = new ReentrantLock(true);

    private DjlTrainingLock() {
    }
}
