package io.bloomfit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensValidationTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void assertBadUserId(String id) throws IOException {
        Path file = write("bad/u.data", "196\t242\t3\t881250949\n" + id + "\t302\t3\t891717742\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file)).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("u.data:2: expected a MovieLens user id (a non-negative integer")
                .hasMessageContaining("in column 0, found '" + (id.length() > 40 ? id.substring(0, 40) : id));
    }

    @Test
    void nonNumericIdFails() throws IOException {
        assertBadUserId("abc");
    }

    @Test
    void negativeIdFails() throws IOException {
        assertBadUserId("-5");
    }

    @Test
    void idWithTrailingTextFails() throws IOException {
        assertBadUserId("196 x");
    }

    @Test
    void idBeyondLongFails() throws IOException {
        assertBadUserId("9223372036854775808"); // Long.MAX_VALUE + 1
        String huge = "9".repeat(200_000);
        Path file = write("huge/u.data", "1\t" + huge + "\t3\t5\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file))
                .hasMessageContaining("u.data:1: expected a MovieLens item id")
                .hasMessageContaining("(200000 characters)");
    }

    @Test
    void largestLongIdLoads() throws IOException {
        Path file = write("ok/u.data", "9223372036854775807\t0\t5\t1\n");
        assertThat(MovieLensLoader.load(file).userIds().idOf(0)).isEqualTo("9223372036854775807");
    }

    @Test
    void badIdIsABadLineUnderSkipBadLines() throws IOException {
        Path file = write("skip/ratings.dat", "1::2::3::4\nabc::2::3::4\n2::2::4::5\n");
        Dataset d = MovieLensLoader.load(file, null, LoadOptions.DEFAULT.withSkipBadLines(true));
        assertThat(d.interactions().size()).isEqualTo(2);
        assertThat(d.report().skippedLines()).isEqualTo(1);
    }

    @Test
    void ratingOutsideTheScaleFails() throws IOException {
        Path big = write("r1/u.data", "1\t2\t99\t4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(big))
                .hasMessageContaining("u.data:1: expected a MovieLens rating in 1..5 in whole stars in column 2,"
                        + " found '99'");
        Path zero = write("r2/u.data", "1\t2\t3\t4\n1\t3\t0\t4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(zero))
                .hasMessageContaining("u.data:2: expected a MovieLens rating in 1..5 in whole stars");
        Path half = write("r3/u.data", "1\t2\t3.5\t4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(half)).hasMessageContaining("found '3.5'");
        Path csv = write("r4/ratings.csv", "userId,movieId,rating,timestamp\n1,2,0.5,4\n1,3,5.5,4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(csv))
                .hasMessageContaining("ratings.csv:3: expected a MovieLens rating in 0.5..5 in half-star steps"
                        + " in column 'rating', found '5.5'");
    }

    @Test
    void genericCsvCapsIdLength() throws IOException {
        String ok = "u".repeat(DelimitedLoader.MAX_ID_CHARS);
        Path fine = write("c1/x.csv", "user,item\n" + ok + ",abc\n");
        assertThat(DelimitedLoader.load(fine, DelimitedFormat.csv("user", "item", null, null), LoadOptions.DEFAULT)
                .userIds().idOf(0)).isEqualTo(ok);
        Path tooLong = write("c2/x.csv", "user,item\nu1," + "i".repeat(257) + "\n");
        assertThatThrownBy(() -> DelimitedLoader.load(tooLong, DelimitedFormat.csv("user", "item", null, null),
                LoadOptions.DEFAULT)).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("x.csv:2: expected an item id of at most 256 characters in column 'item',"
                        + " found one of 257 characters");
    }

    @Test
    void directoryWithSeveralCandidatesIsAmbiguous() throws IOException {
        write("two/a/u.data", "1\t2\t3\t4\n");
        write("two/b/u.data", "1\t2\t3\t4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(dir.resolve("two"))).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("two: ambiguous: 2 MovieLens ratings files found")
                .hasMessageContaining(dir.resolve("two/a/u.data").toString())
                .hasMessageContaining(dir.resolve("two/b/u.data").toString())
                .hasMessageContaining("set path to one of them");
        write("both/ratings.dat", "1::2::3::4\n");
        write("both/ratings.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(dir.resolve("both")))
                .hasMessageContaining("ambiguous: 2 MovieLens ratings files");
    }
}
