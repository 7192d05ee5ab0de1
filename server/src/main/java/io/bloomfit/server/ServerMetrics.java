package io.bloomfit.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics ({@code /q/metrics}): {@code bloomfit_queue_length},
 * {@code bloomfit_experiments_running}, {@code bloomfit_points_finished_total}, {@code bloomfit_points_failed_total}
 * and {@code bloomfit_training_examples_per_second} (of the latest training step; 0 when nothing trains).
 */
@ApplicationScoped
public class ServerMetrics {

    private final MeterRegistry registry;
    private final Counter finished;
    private final Counter failed;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong examplesPerSecondBits = new AtomicLong(Double.doubleToLongBits(0));

    @Inject
    public ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.finished = Counter.builder("bloomfit.points.finished").description("grid points finished (ok or failed)")
                .register(registry);
        this.failed = Counter.builder("bloomfit.points.failed").description("grid points that failed")
                .register(registry);
        Gauge.builder("bloomfit.experiments.running", running, AtomicInteger::get)
                .description("experiments running now").register(registry);
        Gauge.builder("bloomfit.training.examples.per.second", examplesPerSecondBits,
                        bits -> Double.longBitsToDouble(bits.get()))
                .description("training examples per second of the latest step").register(registry);
    }

    /** Registers the queue-length gauge, read from {@code length}. */
    void queue(IntSupplier length) {
        Gauge.builder("bloomfit.queue.length", length, IntSupplier::getAsInt)
                .description("experiments waiting in the queue").register(registry);
    }

    void pointFinished(boolean ok) {
        finished.increment();
        if (!ok) {
            failed.increment();
        }
    }

    void running(boolean started) {
        running.addAndGet(started ? 1 : -1);
        if (!started) {
            examplesPerSecond(0);
        }
    }

    void examplesPerSecond(double value) {
        examplesPerSecondBits.set(Double.doubleToLongBits(Double.isFinite(value) ? value : 0));
    }
}
