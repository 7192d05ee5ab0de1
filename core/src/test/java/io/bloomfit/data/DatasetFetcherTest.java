package io.bloomfit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching against a local HTTP server on 127.0.0.1 that serves a small zip built here (no network needed). */
class DatasetFetcherTest {

    @TempDir
    Path cache;

    private LocalHttpServer server;
    private Map<String, byte[]> files;
    private java.util.concurrent.atomic.AtomicInteger requests;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        files = server.files;
        requests = server.requests;
        base = server.base("movielens");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    @Test
    void downloadsVerifiesUnpacksAndIsIdempotent() throws Exception {
        byte[] zip = zip(Map.of("ml-100k/u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n",
                "ml-100k/README", "test release\n"));
        files.put("ml-100k.zip", zip);
        // GroupLens's sidecar format: "MD5 (ml-100k.zip) = <hex>"
        files.put("ml-100k.zip.md5", ("MD5 (ml-100k.zip) = " + md5(zip) + "\n").getBytes(StandardCharsets.US_ASCII));
        DatasetFetcher fetcher = new DatasetFetcher(base, cache);
        assertThat(fetcher.isFetched("movielens-100k")).isFalse();

        DatasetFetcher.FetchResult first = fetcher.fetch("movielens-100k");
        assertThat(first.downloaded()).isTrue();
        assertThat(first.bytes()).isEqualTo(zip.length);
        assertThat(first.md5()).isEqualTo(md5(zip));
        assertThat(first.directory()).isEqualTo(cache.resolve("ml-100k"));
        assertThat(first.directory().resolve("ml-100k/u.data")).exists();
        assertThat(cache.resolve("ml-100k.zip.part")).doesNotExist();
        int afterFirst = requests.get();
        assertThat(afterFirst).isEqualTo(2);

        DatasetFetcher.FetchResult second = fetcher.fetch("movielens-100k");
        assertThat(second.downloaded()).isFalse();
        assertThat(requests.get()).isEqualTo(afterFirst);
        assertThat(fetcher.isFetched("movielens-100k")).isTrue();

        Dataset d = fetcher.load("movielens-100k", LoadOptions.DEFAULT);
        assertThat(d.name()).isEqualTo("movielens-100k");
        assertThat(d.numInteractions()).isEqualTo(2);
        assertThat(requests.get()).isEqualTo(afterFirst);
    }

    @Test
    void checksumMismatchDeletesThePartialDownloadAndSaysSo() throws Exception {
        byte[] zip = zip(Map.of("ml-1m/ratings.dat", "1::1193::5::978300760\n"));
        files.put("ml-1m.zip", zip);
        files.put("ml-1m.zip.md5", "00000000000000000000000000000000  ml-1m.zip\n".getBytes(StandardCharsets.US_ASCII));
        DatasetFetcher fetcher = new DatasetFetcher(base, cache);
        assertThatThrownBy(() -> fetcher.fetch("movielens-1m")).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected MD5 00000000000000000000000000000000")
                .hasMessageContaining("got " + md5(zip))
                .hasMessageContaining("was deleted");
        assertThat(cache.resolve("ml-1m.zip.part")).doesNotExist();
        assertThat(cache.resolve("ml-1m")).doesNotExist();
        assertThat(fetcher.isFetched("movielens-1m")).isFalse();
    }

    @Test
    void missingChecksumOrZipAndUnknownNamesFailClearly() throws Exception {
        DatasetFetcher fetcher = new DatasetFetcher(base, cache);
        files.put("ml-25m.zip", zip(Map.of("ml-25m/ratings.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n")));
        assertThatThrownBy(() -> fetcher.fetch("movielens-25m")).hasMessageContaining("ml-25m.zip.md5")
                .hasMessageContaining("HTTP 404");
        files.put("ml-32m.zip.md5", "not a checksum".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> fetcher.fetch("movielens-32m"))
                .hasMessageContaining("expected an MD5 checksum (32 hex digits), found \"not a checksum\"");
        assertThatThrownBy(() -> fetcher.fetch("movielens-7m")).hasMessageContaining("unknown dataset 'movielens-7m'")
                .hasMessageContaining("movielens-latest-small");
        assertThatThrownBy(() -> new DatasetFetcher(URI.create("http://example.org/"), cache))
                .hasMessageContaining("must use https");
        assertThat(Files.list(cache).toList()).isEmpty();
    }

    @Test
    void refusesZipEntriesThatEscapeTheCache() throws Exception {
        byte[] zip = zip(Map.of("../evil.txt", "x"));
        files.put("ml-latest-small.zip", zip);
        files.put("ml-latest-small.zip.md5", md5(zip).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new DatasetFetcher(base, cache).fetch("movielens-latest-small"))
                .hasMessageContaining("points outside the target directory");
        assertThat(cache.getParent().resolve("evil.txt")).doesNotExist();
    }
}
