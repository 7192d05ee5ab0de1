package io.bloomfit.experiment.store;

import io.bloomfit.experiment.spec.SpecException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link RunClaim} of a {@link RunDirectory}: an operating-system lock on {@code DIR/.lock}, held until
 * {@link #close()}, with the holder's pid written in the file so the next run can name it.
 *
 * <p>File locks belong to a process (on Linux, fcntl locks: a second lock of the same file by the same process
 * does not fail, and closing any channel of it drops the lock), so this class also keeps the set of directories
 * claimed in this JVM: a second claim in the same process fails like one from another process.
 */
public final class RunDirectoryLock implements RunClaim {

    /** The lock file inside the run directory. */
    public static final String LOCK_FILE = ".lock";

    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunDirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code directory}, creating it when missing.
     *
     * @throws SpecException when {@code directory} is not a directory, or another run holds it (naming its pid)
     * @throws IOException   when the directory or its lock file cannot be created
     */
    public static RunDirectoryLock claim(Path directory) throws IOException {
        requireDirectory(directory);
        Files.createDirectories(directory);
        Path key = directory.toRealPath();
        if (!HELD_HERE.add(key)) {
            throw inUse(directory, ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(directory, readPid(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(true);
            return new RunDirectoryLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Fails unless {@code path} is a directory or does not exist yet.
     *
     * @throws SpecException naming the path and what it is instead
     */
    public static void requireDirectory(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw notADirectory(path, p.equals(path.toAbsolutePath()) ? path : p);
                }
                return;
            }
        }
    }

    private static SpecException notADirectory(Path directory, Path culprit) {
        String what = Files.isRegularFile(culprit) ? "is a file, not a directory"
                : "is not a directory (a device or other special file)";
        if (!culprit.equals(directory)) {
            what = "cannot be created: " + culprit + " " + what;
        }
        return new SpecException("--out " + directory, "", what + "; choose a directory (it is created when missing)");
    }

    private static SpecException inUse(Path directory, long pid) {
        return new SpecException("--out " + directory, "", "another bloomfit run (pid " + (pid < 0 ? "unknown" : pid)
                + ") is writing to this directory; wait for it or choose another --out");
    }

    /** The pid the holder wrote, or -1 when it wrote none (yet). */
    private static long readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The directory claimed (its real path). */
    public Path directory() {
        return key;
    }

    /** Empties the pid, releases the lock and lets the next run claim the directory. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        } catch (NoSuchFileException e) {
            // the directory was removed while held: nothing left to release
        } finally {
            HELD_HERE.remove(key);
        }
    }
}
