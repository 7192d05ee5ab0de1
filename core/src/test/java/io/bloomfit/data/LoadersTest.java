package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void movieLens100kUData() throws IOException {
        write("ml-100k/u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"
                + "196\t302\t5\t881250950\n");
        Dataset d = MovieLensLoader.load(dir.resolve("ml-100k"));
        assertThat(d.name()).as("the release GroupLens unpacks into ml-100k/").isEqualTo("movielens-100k");
        Interactions x = d.interactions();
        assertThat(x.numUsers()).isEqualTo(3);
        assertThat(x.numItems()).isEqualTo(3);
        assertThat(x.size()).isEqualTo(4);
        assertThat(d.userIds().idOf(x.user(3))).isEqualTo("196");
        assertThat(d.itemIds().idOf(x.item(3))).isEqualTo("302");
        assertThat(x.ratingArray()).containsExactly(3f, 3f, 1f, 5f);
        assertThat(x.timestampArray()).containsExactly(881250949L, 891717742L, 878887116L, 881250950L);
        assertThat(d.report().linesRead()).isEqualTo(4);
        assertThat(d.report().duplicatesCollapsed()).isZero();
    }

    @Test
    void movieLens1mDatWithWindowsLineEndings() throws IOException {
        Path file = write("ml-1m/ratings.dat", "1::1193::5::978300760\r\n1::661::3::978302109\r\n"
                + "2::1193::4::978298413\r\n");
        Dataset d = MovieLensLoader.load(file.getParent());
        assertThat(MovieLensLoader.detect(file)).isEqualTo(MovieLensLoader.Layout.RATINGS_DAT);
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(2);
        assertThat(d.interactions().ratingArray()).containsExactly(5f, 3f, 4f);
        assertThat(d.itemIds().indexOf("1193")).isZero();
    }

    @Test
    void movieLensCsvWithHalfStarsAndDetectionByFirstLine() throws IOException {
        Path file = write("ml-latest-small/ratings.csv", "userId,movieId,rating,timestamp\n1,296,5.0,1147880044\n"
                + "1,306,3.5,1147868817\n2,296,0.5,1147868828\n");
        Dataset d = MovieLensLoader.load(file);
        assertThat(d.interactions().ratingArray()).containsExactly(5f, 3.5f, 0.5f);
        Path renamed = write("other/my-ratings.txt", Files.readString(file));
        assertThat(MovieLensLoader.detect(renamed)).isEqualTo(MovieLensLoader.Layout.RATINGS_CSV);
        Path tabs = write("other/x.tsv", "1\t2\t3\t4\n");
        assertThat(MovieLensLoader.detect(tabs)).isEqualTo(MovieLensLoader.Layout.U_DATA);
        Path unknown = write("other/y.txt", "1;2;3;4\n");
        assertThatThrownBy(() -> MovieLensLoader.detect(unknown)).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("y.txt:1: cannot tell the MovieLens layout").hasMessageContaining("1;2;3;4");
    }

    @Test
    void genericDelimitedByNamesAndByIndices() throws IOException {
        Path named = write("a.txt", "score;session;u;i\n0.5;x;alice;book-1\n2.5;y;bob;book-2\n1;z;alice;book-2\n");
        Dataset byName = DelimitedLoader.load(named, new DelimitedFormat(";", true, "u", "i", "score", null),
                LoadOptions.DEFAULT);
        assertThat(byName.numUsers()).isEqualTo(2);
        assertThat(byName.userIds().idOf(0)).isEqualTo("alice");
        assertThat(byName.interactions().ratingArray()).containsExactly(0.5f, 2.5f, 1f);
        assertThat(byName.interactions().hasTimestamps()).isFalse();

        Path plain = write("b.txt", "\"u1\"|\"i1\"\nu2|i1\n");
        Dataset byIndex = DelimitedLoader.load(plain, new DelimitedFormat("|", false, "0", "1", null, null),
                LoadOptions.DEFAULT);
        assertThat(byIndex.numUsers()).isEqualTo(2);
        assertThat(byIndex.numItems()).isEqualTo(1);
        assertThat(byIndex.userIds().indexOf("u1")).isZero();
        assertThat(byIndex.interactions().hasRatings()).isFalse();
    }

    @Test
    void wrongFieldCountFailsWithFileLineExpectedAndFound() throws IOException {
        Path file = write("ml-1m/ratings.dat", "1::1193::5::978300760\n1::661::3\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file)).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("ratings.dat:2: expected 4 fields separated by '::', found 3: \"1::661::3\"")
                .hasMessageContaining("(or set skipBadLines: true in the spec's dataset section");
    }

    @Test
    void nonNumericRatingFails() throws IOException {
        Path file = write("r.csv", "userId,movieId,rating,timestamp\n1,2,4.0,5\n1,3,five,6\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file))
                .hasMessageContaining("r.csv:3: expected a number in rating column 'rating', found 'five'");
        Path badTime = write("t.data", "1\t2\t4\tyesterday\n");
        assertThatThrownBy(() -> MovieLensLoader.load(badTime, MovieLensLoader.Layout.U_DATA, null,
                LoadOptions.DEFAULT))
                .hasMessageContaining("t.data:1: expected an integer in timestamp column 3, found 'yesterday'");
    }

    @Test
    void emptyFileUnreadablePathAndDuplicateHeaderFail() throws IOException {
        Path empty = write("e/u.data", "");
        assertThatThrownBy(() -> MovieLensLoader.load(empty)).hasMessageContaining("u.data:1: expected at least one"
                + " data line, found an empty file");
        Path headerOnly = write("h/ratings.csv", "userId,movieId,rating,timestamp\n");
        assertThatThrownBy(() -> MovieLensLoader.load(headerOnly))
                .hasMessageContaining("ratings.csv:2: expected at least one data line after the header");
        assertThatThrownBy(() -> MovieLensLoader.load(dir.resolve("missing/u.data")))
                .hasMessageContaining("missing").hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> DelimitedLoader.load(dir.resolve("nope.csv"), DelimitedFormat.MOVIELENS_CSV,
                LoadOptions.DEFAULT)).hasMessageContaining("nope.csv: cannot be read (no such file)");
        Path twice = write("d/ratings.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n"
                + "userId,movieId,rating,timestamp\n2,2,3,4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(twice))
                .hasMessageContaining("ratings.csv:3: expected a data line, found the header again");
        Path wrongHeader = write("w/r.csv", "user,movie,stars\n1,2,3\n");
        assertThatThrownBy(() -> DelimitedLoader.load(wrongHeader, DelimitedFormat.MOVIELENS_CSV,
                LoadOptions.DEFAULT)).hasMessageContaining("r.csv:1: expected a header column named 'userId'")
                .hasMessageContaining("[user, movie, stars]");
    }

    @Test
    void skipBadLinesCountsAndReportsThem() throws IOException {
        Path file = write("s/u.data", "1\t2\t3\t4\n1\t3\n1\t4\tx\t5\n2\t2\t5\t6\n");
        Dataset d = MovieLensLoader.load(file, null, LoadOptions.DEFAULT.withSkipBadLines(true));
        assertThat(d.numInteractions()).isEqualTo(2);
        LoadReport r = d.report();
        assertThat(r.linesRead()).isEqualTo(4);
        assertThat(r.skippedLines()).isEqualTo(2);
        assertThat(r.skippedExamples()).hasSize(2);
        assertThat(r.skippedExamples().get(0)).contains("u.data:2: expected 4 fields");
        assertThat(r.skippedExamples().get(1)).contains("u.data:3: expected a number in rating column 2");
        assertThat(r.summary()).contains("2 bad lines skipped");
        Path allBad = write("s2/u.data", "1\t2\n");
        assertThatThrownBy(() -> MovieLensLoader.load(allBad, null, LoadOptions.DEFAULT.withSkipBadLines(true)))
                .hasMessageContaining("no interactions left").hasMessageContaining("1 malformed");
    }

    @Test
    void thresholdMakesImplicitFeedbackAndDuplicatesCollapseToTheLatest() throws IOException {
        // user 3 only has a low rating: it must not appear at all; (1,10) repeats: the later timestamp (9) wins
        Path file = write("ml/u.data", "1\t10\t5\t9\n1\t11\t2\t1\n3\t10\t1\t1\n1\t10\t4\t3\n2\t11\t4\t2\n");
        Dataset d = MovieLensLoader.load(file, null, LoadOptions.DEFAULT.withRatingThreshold(4));
        Interactions x = d.interactions();
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.userIds().indexOf("3")).isEqualTo(-1);
        assertThat(x.size()).isEqualTo(2);
        assertThat(d.report().belowThreshold()).isEqualTo(2);
        assertThat(d.report().duplicatesCollapsed()).isEqualTo(1);
        int first = d.userIds().indexOf("1");
        for (int i = 0; i < x.size(); i++) {
            if (x.user(i) == first) {
                assertThat(x.rating(i)).isEqualTo(5f);
                assertThat(x.timestamp(i)).isEqualTo(9L);
            }
        }
        Dataset implicit = MovieLensLoader.load(file, null, LoadOptions.DEFAULT.withImplicit(true));
        assertThat(implicit.interactions().hasRatings()).isFalse();
        assertThat(implicit.numInteractions()).isEqualTo(4);
    }

    @Test
    void roundTripsAHundredThousandLinesLongerThanOneReadBlock() throws IOException {
        Interactions src = SyntheticDatasets.preset("synthetic-ml100k").interactions();
        Path file = dir.resolve("big/u.data");
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < src.size(); i++) {
                w.write(src.user(i) + "\t" + src.item(i) + "\t" + (int) src.rating(i) + "\t"
                        + src.timestamp(i) + "\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        Dataset d = MovieLensLoader.load(file);
        Interactions x = d.interactions();
        assertThat(x.size()).isEqualTo(src.size());
        for (int i = 0; i < src.size(); i++) {
            assertThat(d.userIds().idOf(x.user(i))).isEqualTo(String.valueOf(src.user(i)));
            assertThat(d.itemIds().idOf(x.item(i))).isEqualTo(String.valueOf(src.item(i)));
            assertThat(x.rating(i)).isEqualTo(src.rating(i));
            assertThat(x.timestamp(i)).isEqualTo(src.timestamp(i));
        }
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

    @Test
    void aDatasetIsNamedByItsOwnFileNotByTheFolderItSitsIn() throws IOException {
        // a u.data in a folder called probe was once named "probe"
        Path inProbe = write("probe/u.data", "1\t2\t3\t4\n");
        assertThat(MovieLensLoader.load(inProbe).name()).isEqualTo("u.data");
        assertThat(MovieLensLoader.load(dir.resolve("probe")).name()).isEqualTo("u.data");
        Path renamed = write("probe2/ratings-2024.tsv", "1\t2\t3\t4\n");
        assertThat(MovieLensLoader.load(renamed).name()).isEqualTo("ratings-2024.tsv");
        Path release = write("ml-1m/ratings.dat", "1::2::3::4\n");
        assertThat(MovieLensLoader.load(release).name()).isEqualTo("movielens-1m");
    }

    @Test
    void theBadLineHintNamesTheSpecKeyAndTheDescriptionCountsSkippedLines() throws IOException {
        Path file = write("hint/u.data", "1\t2\t3\t4\n1\t3\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file)).hasMessageContaining("skipBadLines: true")
                .hasMessageNotContaining("skip-bad-lines");
        Dataset d = MovieLensLoader.load(file, null, LoadOptions.DEFAULT.withSkipBadLines(true));
        assertThat(d.describe()).endsWith(", 1 bad lines skipped (skipBadLines)");
        assertThat(MovieLensLoader.load(write("hint2/u.data", "1\t2\t3\t4\n")).describe())
                .doesNotContain("skipped");
    }
}
