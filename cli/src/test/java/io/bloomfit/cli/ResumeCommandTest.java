package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command a cancelled run prints to continue it must be one a shell runs as is. */
class ResumeCommandTest {

    @Test
    void theResumeCommandRepeatsSpecOverridesAndOptionsQuotedForTheShell() {
        RunCommand run = new RunCommand();
        run.specFile = Path.of("specs/seed comparison.yaml");
        run.sets = List.of("model.epochs=2", "grid.hash=[xxh64, md5]", "name=it's");
        run.parallel = 2;
        run.saveModels = true;
        assertThat(run.resumeCommand(Path.of("runs/q-1"))).isEqualTo("bloomfit run 'specs/seed comparison.yaml' "
                + "--set model.epochs=2 --set 'grid.hash=[xxh64, md5]' --set 'name=it'\\''s' --parallel 2 "
                + "--save-models --out runs/q-1 --resume");

        RunCommand quickstart = new RunCommand();
        assertThat(quickstart.resumeCommand(Path.of("runs/quickstart-20260101-000000")))
                .isEqualTo("bloomfit run --out runs/quickstart-20260101-000000 --resume");
    }
}
