package io.bloomfit.spark;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepArgumentsTest {

    @Test
    void readsEveryOption() {
        SweepArguments a = SweepArguments.parse("spec.yaml", "--master", "spark://h:7077", "--out", "runs/x",
                "--resume", "--set", "model.epochs=1", "--set", "grid.ratio=[0.5]");
        assertThat(a).isEqualTo(new SweepArguments(Path.of("spec.yaml"), "spark://h:7077", "runs/x", true,
                List.of("model.epochs=1", "grid.ratio=[0.5]")));
        assertThat(SweepArguments.parse("s.yaml", "--store", "jdbc:h2:mem:x").store()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void defaultsLeaveMasterAndStoreOpen() {
        assertThat(SweepArguments.parse("s.yaml")).isEqualTo(new SweepArguments(Path.of("s.yaml"), null, null, false,
                List.of()));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatToDo() {
        assertThatThrownBy(() -> SweepArguments.parse()).isInstanceOf(SweepUsageException.class)
                .hasMessageStartingWith("missing SPEC").hasMessageContaining(SweepArguments.USAGE);
        assertThatThrownBy(() -> SweepArguments.parse("s.yaml", "--parallel", "2"))
                .isInstanceOf(SweepUsageException.class).hasMessageStartingWith("unknown option '--parallel'");
        assertThatThrownBy(() -> SweepArguments.parse("s.yaml", "--out"))
                .isInstanceOf(SweepUsageException.class).hasMessageStartingWith("--out needs a value");
        assertThatThrownBy(() -> SweepArguments.parse("s.yaml", "--out", "a", "--store", "b"))
                .isInstanceOf(SweepUsageException.class).hasMessageStartingWith("--out and --store both name");
        assertThatThrownBy(() -> SweepArguments.parse("s.yaml", "t.yaml"))
                .isInstanceOf(SweepUsageException.class).hasMessageStartingWith("one SPEC only");
        assertThatThrownBy(() -> SweepArguments.parse("s.yaml", "--resume"))
                .isInstanceOf(SweepUsageException.class).hasMessageStartingWith("--resume needs --out DIR");
    }
}
