package io.bloomfit.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** kill -9 of the packaged server mid-training and a resume, on the embedded H2 default in the data directory. */
class ServerRestartH2Test {

    @TempDir
    Path work;

    @Test
    void anExperimentKilledMidGridIsInterruptedKeepsItsPointsAndResumes() throws Exception {
        ServerRestart.killMidGridRestartAndResume(work, PackagedServer.env(work.resolve("data"), null));
    }
}
