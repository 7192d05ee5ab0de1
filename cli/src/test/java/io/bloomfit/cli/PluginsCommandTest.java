package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.PluginRegistry;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bloomfit plugins} reports a broken drop-in once, not once per registry plus a log line each. */
@QuarkusMainTest
class PluginsCommandTest {

    @AfterEach
    void forgetThePluginDirectory() {
        System.clearProperty(PluginDirectory.PROPERTY);
        PluginRegistry.resetShared();
    }

    @Test
    void aFileNamedJarThatIsNoZipIsReportedExactlyOnce(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("not-a-zip.jar"), "this is plain text, not a jar\n");
        System.setProperty(PluginDirectory.PROPERTY, dir.toString());
        PluginRegistry.resetShared();

        LaunchResult result = launcher.launch("plugins");

        assertThat(result.exitCode()).isZero();
        String everything = result.getOutput() + "\n" + result.getErrorOutput();
        assertThat(count(everything, "not-a-zip.jar")).as(everything).isEqualTo(1);
        assertThat(result.getOutput()).contains("problems:").contains("is not a valid jar");
    }

    @Test
    void eachCompressorsOptionsFollowItsLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).containsPattern("\\n  bloom-hybrid +built-in\\n"
                + "    option hotShare: auto or a number in \\[0, 1\\], default auto; [^\\n]+\\n"
                + "    option coldFloor: a number in \\[0, 1\\], default 0\\.2; [^\\n]+\\n")
                .containsPattern("\\n    option combiner: one of mean, sum, default mean; [^\\n]+\\n");

        LaunchResult json = launcher.launch("plugins", "--json");
        assertThat(json.getOutput()).contains("\"name\" : \"signed\"").contains("\"rule\" : \"true or false\"")
                .contains("\"default\" : false");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
