package io.kisflow;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Material from other repositories that tests compare against: Go KisFlow's test configs and the
 * traces of its runs ({@code conformance/}), and the configs of its usage examples
 * ({@code kis-flow-usage/}). The project keeps no copy of it: it is read from {@code ../shared}
 * beside the project (where CI has it), or from the folder {@code -Dkisflow.shared=DIR} names. When
 * it is absent, the tests that need it are skipped with the reason, printed once, and every other
 * test runs as usual.
 *
 * <pre>{@code Path dir = SharedMaterial.loadConf(); // skips the calling test when ../shared is absent}</pre>
 */
public final class SharedMaterial {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private SharedMaterial() {
    }

    /** {@code -Dkisflow.shared}, else {@code ../shared} relative to the project folder (Maven runs tests there). */
    public static Path root() {
        String configured = System.getProperty("kisflow.shared");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared");
    }

    /** Go's test configuration directory (flows flowName1..5, flowFork1, StuAvg; ConnName1; a global file). */
    public static Path loadConf() {
        return require("conformance/load_conf");
    }

    /** What the Go engine did when each load_conf flow was run (schema kisflow-go-trace/1). */
    public static Path goTraces() {
        return require("conformance/go-traces");
    }

    /** Targeted experiments on the Go engine, with what it did (schema kisflow-go-probes/1). */
    public static Path goProbes() {
        return require("conformance").resolve("go-probes.json");
    }

    /** The config folder of one of Go KisFlow's usage examples, such as {@code 5-flow/conf}. */
    public static Path kisFlowUsage(String example) {
        return require("kis-flow-usage/" + example);
    }

    /** The folder, or an aborted (skipped) test saying where the material was looked for. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isDirectory(p)) {
            String reason = "skipped: needs Go KisFlow's " + relative + ", looked for in " + p.toAbsolutePath().normalize()
                    + " (put the shared material beside the project as ../shared, or set -Dkisflow.shared=DIR)";
            if (TOLD.compareAndSet(false, true)) {
                System.out.println("[kisflow tests] " + reason + "; every test that needs it is skipped");
            }
            Assumptions.assumeTrue(false, reason);
        }
        return p;
    }
}
