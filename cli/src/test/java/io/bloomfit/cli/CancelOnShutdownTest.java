package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancelOnShutdownTest {

    @Test
    void theHookCancelsAndHoldsTheJvmUntilTheRunIsOver() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        StringWriter text = new StringWriter();
        CancelOnShutdown ctrlC = new CancelOnShutdown(cancelled::countDown, new PrintWriter(text));
        Thread hook = new Thread(ctrlC::onShutdown);
        hook.start();

        assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the run was asked to cancel").isTrue();
        hook.join(200);
        assertThat(hook.isAlive()).as("the hook waits for the run to finish").isTrue();

        ctrlC.close(); // the run returned and wrote its reports
        hook.join(10_000);
        assertThat(hook.isAlive()).isFalse();
        assertThat(text.toString()).contains("the point in progress stops at its next step; finished points are kept");
    }

    @Test
    void afterTheRunTheHookDoesNothing() {
        int[] cancels = {0};
        CancelOnShutdown ctrlC = CancelOnShutdown.install(() -> cancels[0]++, new PrintWriter(new StringWriter()));
        ctrlC.close();
        ctrlC.onShutdown();
        assertThat(cancels[0]).isZero();
    }
}
