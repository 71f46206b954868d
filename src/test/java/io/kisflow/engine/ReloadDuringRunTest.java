package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.connector;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withConn;
import static io.kisflow.engine.Projects.withMode;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 10: {@link Engine#reloadPlugins()} never closes class loaders or connectors under a
 * running flow. It waits (bounded) for the runs of the old code, or refuses with a clear exception
 * and changes nothing; flows made before a reload are refused afterwards instead of running on
 * closed code.
 */
class ReloadDuringRunTest {
    private static final String ENTERED = "kisflow.test.reload.entered";
    private static final String GO = "kisflow.test.reload.go";

    @AfterEach
    void forgetGates() {
        System.getProperties().remove(ENTERED);
        System.getProperties().remove(GO);
    }

    /** A plugin whose function A waits for the test, then uses a class of its jar it never loaded before (Late, loaded lazily). */
    private static String waitingPlugin(String tag) {
        return """
                package w;
                import io.kisflow.engine.*;
                import java.util.concurrent.CountDownLatch;
                import java.util.concurrent.TimeUnit;
                public class Plug implements KisPlugin {
                    static class Late {
                        String tag(String tag, Object row) { return tag + ":" + row; }
                    }
                    public void register(Pool pool) {
                        pool.faas("A", flow -> {
                            ((CountDownLatch) System.getProperties().get("%1$s")).countDown();
                            if (!((CountDownLatch) System.getProperties().get("%2$s")).await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never let the function go on");
                            }
                            for (Object row : flow.input()) flow.commitRow(new Late().tag("%3$s", row));
                        });
                    }
                }
                """.formatted(ENTERED, GO, tag);
    }

    private static CompletableFuture<Throwable> runAsync(KisFlowRun flow, String row) {
        flow.commitRow(row);
        return CompletableFuture.supplyAsync(() -> {
            try {
                flow.run();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, r -> new Thread(r, "slow-run").start());
    }

    private static CountDownLatch gate(String key) {
        CountDownLatch latch = new CountDownLatch(1);
        System.getProperties().put(key, latch);
        return latch;
    }

    @Test
    void aReloadWaitsForTheRunOfTheOldCodeThenClosesIt(@TempDir Path dir) throws Exception {
        Path jar = PluginCompiler.jar(PluginCompiler.classFolder(dir.resolve("w"), "w.Plug", waitingPlugin("v1")), dir.resolve("w.jar"));
        try (Engine engine = Engine.builder().configs(chain("F", "A")).pluginPath(jar).metrics(false).build()) {
            CountDownLatch entered = gate(ENTERED);
            CountDownLatch go = gate(GO);
            KisFlowRun old = engine.flow("F");
            CompletableFuture<Throwable> running = runAsync(old, "x");
            assertTrue(entered.await(30, TimeUnit.SECONDS));

            PluginCompiler.jar(PluginCompiler.classFolder(dir.resolve("w2"), "w.Plug", waitingPlugin("v2")), dir.resolve("w.jar"));
            CompletableFuture<Void> reload = CompletableFuture.runAsync(engine::reloadPlugins, r -> new Thread(r, "reloader").start());
            Thread.sleep(200);
            assertFalse(reload.isDone(), "the reload waits while the old code runs");
            go.countDown();

            reload.get(30, TimeUnit.SECONDS);
            assertEquals(null, running.get(30, TimeUnit.SECONDS), "no NoClassDefFoundError: the class loader stayed open for the run");
            assertEquals(List.of("v1:x"), old.levels().get(1).rows());

            old.commitRow("y");
            IllegalStateException refused = assertThrows(IllegalStateException.class, old::run);
            assertEquals("flow F cannot run: the engine reloaded its plugins after it was made, so the code and connectors it was "
                    + "made with are closed; make a new instance with engine.flow(\"F\")", refused.getMessage());
            assertEquals(List.of("v2:z"), run(engine.flow("F"), "z").get("A"));
        }
    }

    /** Flow F: A (Save through connector Store, whose client is closed with the engine's connectors). */
    private static ConfigSet storeProject() {
        ConfigSet set = withConn(chain("F", "A"), "Store");
        return withMode(withOption(set, "A", connector("Store")), "A", "Save");
    }

    /** A client that refuses use once closed, as a real one would. */
    public static final class Client implements AutoCloseable {
        volatile boolean closed;

        String use(Object row) {
            if (closed) {
                throw new IllegalStateException("client used after the engine closed it");
            }
            return "stored:" + row;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static KisPlugin storePlugin(CountDownLatch entered, CountDownLatch go) {
        return pool -> {
            pool.caasInit("Store", c -> c.setMetaData("client", new Client()));
            pool.caas("Store", "A", Mode.SAVE, (c, f, flow, args) -> ((Client) c.getMetaData("client")).use(args));
            pool.faas("A", flow -> {
                entered.countDown();
                if (!go.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the function go on");
                }
                for (Object row : flow.input()) {
                    flow.commitRow(flow.getConnector().call(flow, row));
                }
            });
        };
    }

    @Test
    void aReloadThatCannotWaitLongEnoughRefusesNamingTheRunAndChangesNothing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        try (Engine engine = Engine.builder().configs(storeProject()).plugin(storePlugin(entered, go)).metrics(false).build()) {
            KisFlowRun flow = engine.flow("F");
            CompletableFuture<Throwable> running = runAsync(flow, "x");
            assertTrue(entered.await(30, TimeUnit.SECONDS));

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.reloadPlugins(Duration.ofMillis(300)));
            assertEquals("reloadPlugins() waited 300 ms, but flow F (on thread 'slow-run') is still running with the old plugin code; "
                    + "nothing was reloaded: let the runs end or abort them (KisFlowRun.abort()), then reload again", e.getMessage());

            go.countDown();
            assertEquals(null, running.get(30, TimeUnit.SECONDS), "the connector was not closed under the run");
            assertEquals(List.of("stored:x"), flow.levels().get(1).rows());
            assertEquals(List.of("stored:y"), run(flow, "y").get("A"), "nothing changed: the same instance runs on");

            Client old = (Client) flow.functions().get(0).getConnector().getMetaData("client");
            engine.reloadPlugins(Duration.ZERO);
            assertTrue(old.closed, "with nothing running, the reload closes the old connectors at once");
        }
    }

    @Test
    void aReloadFromInsideARunIsRefusedAtOnce() throws Exception {
        Engine[] self = new Engine[1];
        KisPlugin plugin = pool -> pool.faas("A", flow -> self[0].reloadPlugins());
        try (Engine engine = Engine.builder().configs(chain("F", "A")).plugin(plugin).metrics(false).build()) {
            self[0] = engine;
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("reloadPlugins() was called from inside a run of flow F on this thread: it would close the code that is "
                    + "running; reload after the run, from outside it", cause.getMessage());
        }
    }

    @Test
    void aFlowOfAClosedEngineIsRefusedWithTheReason() {
        Engine engine = Engine.builder().configs(chain("F", "A")).plugin(pool -> pool.faas("A", flow -> { })).metrics(false).build();
        KisFlowRun flow = engine.flow("F");
        engine.close();
        flow.commitRow("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, flow::run);
        assertEquals("flow F cannot run: its engine was closed, so the code and connectors it was made with are closed; "
                + "make a new instance with engine.flow(\"F\")", e.getMessage());
    }
}
