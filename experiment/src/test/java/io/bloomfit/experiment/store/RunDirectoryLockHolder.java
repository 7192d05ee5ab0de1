package io.bloomfit.experiment.store;

import java.nio.file.Path;

/**
 * The other process of {@link RunDirectoryLockTest}: claims the directory given as its argument, prints
 * {@code claimed}, and holds the claim until its standard input closes.
 */
public final class RunDirectoryLockHolder {

    private RunDirectoryLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (RunDirectoryLock claim = RunDirectoryLock.claim(Path.of(args[0]))) {
            System.out.println("claimed");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
