package io.kisflow.cli;

import io.kisflow.serve.FlowService;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT for {@code serve}: the first asks the services to stop (the command then returns
 * and the process exits 0 with every finished batch committed); a second exits at once. Handled as
 * signals (jdk.unsupported's sun.misc.Signal, in the jlink'd runtime too) rather than only a shutdown
 * hook, because a hook runs inside System.exit and cannot make the exit status 0. Where signals
 * cannot be handled, a shutdown hook still stops the services and waits for their batches.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void install(Runnable stop, List<FlowService> services) {
        AtomicInteger received = new AtomicInteger();
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        stop.run();
                    } else {
                        Runtime.getRuntime().halt(130);
                    }
                });
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no signal handling here: the shutdown hook below is the way out
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.forEach(FlowService::stop);
            try {
                for (FlowService s : services) {
                    s.awaitStopped(Duration.ofSeconds(30));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-shutdown"));
    }
}
