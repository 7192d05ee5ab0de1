package io.bloomfit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Downloads a MovieLens release ({@code movielens-100k}, {@code -1m}, {@code -10m}, {@code -20m}, {@code -25m},
 * {@code -32m}, {@code -latest-small}) from GroupLens over HTTPS, verifies it and unpacks it into a cache directory
 * (default {@code $XDG_CACHE_HOME/bloomfit/datasets} or {@code ~/.cache/bloomfit/datasets}). Idempotent: a release
 * already unpacked and verified is not fetched again.
 *
 * <p>Verification: GroupLens publishes an MD5 file beside every zip ({@code ml-100k.zip.md5}, content like
 * {@code MD5 (ml-100k.zip) = 0e33...}); the download's MD5 must equal it. For the fixed releases (100K, 1M, 10M,
 * 20M, 25M) the expected MD5 is also pinned here, so a changed file on the official server is caught even if its
 * MD5 file changed with it; the pinned values agree with GroupLens's published MD5 files as quoted by independent
 * projects. {@code 32m} and {@code latest-small} rely on the published MD5 alone ({@code latest-small} is updated
 * in place by GroupLens). On a mismatch the partial download is deleted and the error says so.
 *
 * <p>The base URL is configurable (mirrors, tests against a local server); plain {@code http} is accepted only for
 * loopback hosts.
 */
public final class DatasetFetcher {

    /** GroupLens's directory of MovieLens zips. */
    public static final URI DEFAULT_BASE = URI.create("https://files.grouplens.org/datasets/movielens/");

    private static final Pattern MD5 = Pattern.compile("\\b([0-9a-fA-F]{32})\\b");
    private static final String COMPLETE_MARKER = ".bloomfit-fetched";

    private static final Map<String, Release> RELEASES = new LinkedHashMap<>();

    static {
        add("movielens-100k", "ml-100k", "0e33842e24a9c977be4e0107933c0723");
        add("movielens-1m", "ml-1m", "c4d9eecfca2ab87c1945afe126590906");
        add("movielens-10m", "ml-10m", "ce571fd55effeba0271552578f2648bd");
        add("movielens-20m", "ml-20m", "cd245b17a1ae2cc31bb14903e1204af3");
        add("movielens-25m", "ml-25m", "6b51fb2759a8657d3bfcbfc42b592ada");
        add("movielens-32m", "ml-32m", null);
        add("movielens-latest-small", "ml-latest-small", null);
    }

    private static void add(String name, String stem, String pinnedMd5) {
        RELEASES.put(name, new Release(name, stem, pinnedMd5));
    }

    private record Release(String name, String stem, String pinnedMd5) {
        String zip() {
            return stem + ".zip";
        }
    }

    /**
     * What a fetch did.
     *
     * @param name       e.g. {@code movielens-100k}
     * @param directory  where the release is unpacked
     * @param downloaded false when it was already in the cache
     * @param md5        the verified MD5 of the zip
     * @param bytes      zip size (0 when not downloaded now)
     */
    public record FetchResult(String name, Path directory, boolean downloaded, String md5, long bytes) {
    }

    private final URI base;
    private final Path cacheDir;

    /** Official server, default cache directory. */
    public DatasetFetcher() {
        this(DEFAULT_BASE, defaultCacheDir());
    }

    /** @param base directory URL holding the zips and their {@code .md5} files */
    public DatasetFetcher(URI base, Path cacheDir) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(base.getHost()))) {
            throw new IllegalArgumentException("dataset base URL " + base + " must use https (plain http is only "
                    + "accepted for 127.0.0.1/localhost)");
        }
        String s = base.toString();
        this.base = s.endsWith("/") ? base : URI.create(s + "/");
        this.cacheDir = cacheDir;
    }

    /** {@code $BLOOMFIT_DATASETS}, else {@code $XDG_CACHE_HOME/bloomfit/datasets}, else {@code ~/.cache/...}. */
    public static Path defaultCacheDir() {
        String explicit = System.getenv("BLOOMFIT_DATASETS");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("bloomfit").resolve("datasets");
    }

    /** The names {@link #fetch} knows. */
    public static List<String> names() {
        return List.copyOf(RELEASES.keySet());
    }

    /**
     * The release a directory of that name holds as GroupLens unpacks it (e.g. {@code ml-100k} is
     * {@code movielens-100k}), or {@code null} when the name is not a release's.
     */
    public static String releaseInDirectory(String directoryName) {
        for (Release r : RELEASES.values()) {
            if (r.stem().equals(directoryName)) {
                return r.name();
            }
        }
        return null;
    }

    public static boolean knows(String name) {
        return RELEASES.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Where {@code name} is (or would be) unpacked. */
    public Path location(String name) {
        return cacheDir.resolve(release(name).stem());
    }

    /** Whether {@code name} is already downloaded, verified and unpacked. */
    public boolean isFetched(String name) {
        return Files.isRegularFile(location(name).resolve(COMPLETE_MARKER));
    }

    /** Fetches {@code name} when it is not in the cache yet, then loads its ratings. */
    public Dataset load(String name, LoadOptions options) {
        FetchResult result = fetch(name);
        return MovieLensLoader.load(result.directory(), result.name(), options);
    }

    /**
     * Downloads, verifies and unpacks {@code name} unless already done.
     *
     * @throws DatasetLoadException on an unknown name, a network failure or a checksum mismatch
     */
    public FetchResult fetch(String name) {
        Release release = release(name);
        Path target = cacheDir.resolve(release.stem());
        Path marker = target.resolve(COMPLETE_MARKER);
        try {
            if (Files.isRegularFile(marker)) {
                return new FetchResult(release.name(), target, false, Files.readString(marker).trim(), 0);
            }
            Files.createDirectories(cacheDir);
            URI zipUri = base.resolve(release.zip());
            URI md5Uri = base.resolve(release.zip() + ".md5");
            String published = publishedMd5(md5Uri);
            if (release.pinnedMd5() != null && base.equals(DEFAULT_BASE)
                    && !release.pinnedMd5().equalsIgnoreCase(published)) {
                throw new DatasetLoadException(md5Uri + ": published MD5 " + published + " differs from the MD5 "
                        + release.pinnedMd5() + " pinned for " + release.name() + "; the release changed on the"
                        + " server, refusing to use it");
            }
            Path part = cacheDir.resolve(release.zip() + ".part");
            long bytes;
            String actual;
            try {
                MessageDigest md = MessageDigest.getInstance("MD5");
                try (InputStream in = new DigestInputStream(open(zipUri), md);
                     OutputStream out = Files.newOutputStream(part)) {
                    bytes = in.transferTo(out);
                }
                actual = HexFormat.of().formatHex(md.digest());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            if (!actual.equalsIgnoreCase(published)) {
                Files.deleteIfExists(part);
                throw new DatasetLoadException(zipUri + ": checksum mismatch: expected MD5 " + published
                        + " (published at " + md5Uri + "), got " + actual + " over " + bytes
                        + " bytes; the partial download " + part + " was deleted; fetch again, or check the mirror");
            }
            unpack(part, target, release);
            Files.deleteIfExists(part);
            Files.writeString(marker, actual + "\n", StandardCharsets.US_ASCII);
            return new FetchResult(release.name(), target, true, actual, bytes);
        } catch (IOException e) {
            throw new DatasetLoadException(release.name() + ": fetch into " + target + " failed: " + e
                    + "; check the network (or the base URL) and the cache directory", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    private static Release release(String name) {
        Release release = RELEASES.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
        if (release == null) {
            throw new DatasetLoadException("unknown dataset '" + name + "'; fetchable datasets: " + names());
        }
        return release;
    }

    private String publishedMd5(URI md5Uri) throws IOException {
        String text;
        try (InputStream in = open(md5Uri)) {
            text = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
        }
        Matcher m = MD5.matcher(text);
        if (!m.find()) {
            throw new DatasetLoadException(md5Uri + ": expected an MD5 checksum (32 hex digits), found \""
                    + text.strip() + "\"; refusing to use an unverified download");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static InputStream open(URI uri) throws IOException {
        URL url = uri.toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        connection.setInstanceFollowRedirects(true);
        connection.setRequestProperty("User-Agent", "bloomfit");
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new DatasetLoadException(uri + ": expected HTTP 200, found HTTP " + status
                    + "; check the dataset name and the base URL");
        }
        return connection.getInputStream();
    }

    /** Unpacks into a temporary sibling, then renames it into place, so a crash never leaves a half directory. */
    private void unpack(Path zip, Path target, Release release) throws IOException {
        Path staging = Files.createTempDirectory(cacheDir, "." + release.stem() + ".unpacking-");
        try {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new DatasetLoadException(zip + ": entry '" + entry.getName()
                                + "' points outside the target directory; refusing to unpack");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            deleteTree(target); // a directory from an interrupted earlier fetch (no marker)
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
