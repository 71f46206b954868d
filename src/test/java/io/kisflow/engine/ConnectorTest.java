package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.connector;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withConn;
import static io.kisflow.engine.Projects.withMode;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliberate difference: one connector instance per engine, initialised lazily before the first
 * function that binds it, shared by all flows and forks, closed with the engine (Go: one instance
 * and init per function per flow built).
 */
class ConnectorTest {
    /** Save -> Load through connector Store, plus a second flow using Save only. */
    private static ConfigSet storeProject() {
        ConfigSet set = withConn(chain("SaveLoad", "Save", "Load"), "Store");
        set = withMode(withOption(set, "Save", connector("Store")), "Save", "Save");
        set = withMode(withOption(set, "Load", connector("Store")), "Load", "Load");
        return set.withFlow(new FlowConfig(1, "SaveOnly", List.of(FlowStep.of("Save")), Map.of()));
    }

    private static final class Store implements AutoCloseable {
        final List<Object> rows = new ArrayList<>();
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private static KisPlugin storePlugin(AtomicInteger inits) {
        return pool -> {
            pool.caasInit("Store", c -> {
                inits.incrementAndGet();
                c.setMetaData("store", new Store());
            });
            pool.caas("Store", "Save", Mode.SAVE, (c, f, flow, args) -> {
                ((Store) c.getMetaData("store")).rows.add(args);
                return "saved " + args + " by " + f.getName();
            });
            pool.caas("Store", "Load", Mode.LOAD, (c, f, flow, args) -> List.copyOf(((Store) c.getMetaData("store")).rows));
            pool.faas("Save", flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(flow.getConnector().call(flow, row));
                }
            });
            pool.faas("Load", flow -> flow.commitRowBatch((List<?>) flow.getConnector().call(flow, null)));
        };
    }

    @Test
    void aConnectorIsInitialisedOnceBeforeItsFirstUseAndSharedByFlowsAndForks() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        try (Engine engine = engine(storeProject(), storePlugin(inits))) {
            KisFlowRun saveLoad = engine.flow("SaveLoad");
            assertEquals(0, inits.get(), "nothing is initialised before a run needs it");
            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("x"), "Save", List.of("saved x by Save"), "Load", List.of("x")),
                    run(saveLoad, "x"));
            run(engine.flow("SaveOnly"), "y");
            run(saveLoad.fork(), "z");
            assertEquals(1, inits.get());
            assertEquals(List.of("x", "y", "z"), run(engine.flow("SaveLoad"), "w").get("Load").subList(0, 3),
                    "every flow and fork saw the same store");
            assertSame(saveLoad.functions().get(0).getConnector(), engine.flow("SaveOnly").functions().get(0).getConnector());
        }
    }

    @Test
    void closingTheEngineClosesTheConnectorsAutoCloseableMetadata() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        Engine engine = engine(storeProject(), storePlugin(inits));
        KisFlowRun flow = engine.flow("SaveOnly");
        run(flow, "x");
        Store store = (Store) flow.functions().get(0).getConnector().getMetaData("store");
        engine.close();
        assertTrue(store.closed);
        engine.close();
        assertEquals("this engine is closed: build a new one", assertThrows(IllegalStateException.class, () -> engine.flow("SaveOnly")).getMessage());
    }

    @Test
    void aConnectorWithoutCodeForTheCallingFunctionSaysWhatToRegister() throws Exception {
        KisPlugin plugin = pool -> pool.faas("Save", flow -> flow.getConnector().call(flow, "row"));
        try (Engine engine = engine(storeProject(), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("SaveOnly"), "x"));
            assertEquals("flow SaveOnly, function Save (position 1) failed: connector Store has no code for Save function Save: "
                    + "its type 'tidb' has no built-in client (built-in types: file, h2, http, kafka, mariadb, mysql, postgres, redis, sqlite); "
                    + "set its type to one of them, or register it with Pool.caas(\"Store\", \"Save\", Mode.SAVE, ...)", e.getMessage());
            assertEquals(List.of("connector Store has no code for Save function Save", "connector Store has no code for Load function Load",
                    "flow SaveLoad uses function Load, which no plugin implements").stream().sorted().toList(),
                    engine.missingImplementations().stream().sorted().toList());
        }
    }

    @Test
    void aFailedInitFailsTheRunAndIsTriedAgainOnTheNextUse() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        KisPlugin plugin = pool -> {
            pool.caasInit("Store", c -> {
                if (inits.incrementAndGet() == 1) {
                    throw new IllegalStateException("server not up yet");
                }
            });
            pool.caas("Store", "Save", Mode.SAVE, (c, f, flow, args) -> args);
            pool.faas("Save", flow -> flow.commitRow(flow.getConnector().call(flow, "ok")));
        };
        try (Engine engine = engine(storeProject(), plugin)) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("SaveOnly"), "x"));
            assertEquals("flow SaveOnly, function Save (position 1): connector Store failed to initialise: server not up yet", e.getMessage());
            assertEquals(List.of("ok"), run(engine.flow("SaveOnly"), "x").get("Save"));
            assertEquals(2, inits.get());
        }
    }

    @Test
    void aFailedInitIsRetriedLikeAFailingFunctionWhenRetryTimesAllow() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        KisPlugin plugin = pool -> {
            pool.caasInit("Store", c -> {
                if (inits.incrementAndGet() == 1) {
                    throw new IllegalStateException("server not up yet");
                }
            });
            pool.caas("Store", "Save", Mode.SAVE, (c, f, flow, args) -> args);
            pool.faas("Save", flow -> flow.commitRow(flow.getConnector().call(flow, "ok")));
        };
        ConfigSet set = storeProject();
        set = set.withFunc(set.func("Save").withOption(set.func("Save").option().withRetryTimes(1)));
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("SaveOnly");
            EventLog log = new EventLog();
            flow.addListener(log);
            assertEquals(List.of("ok"), run(flow, "x").get("Save"));
            assertEquals(List.of("retry 1 of 1 in 0 ms", FunctionEnd.OUTCOME_END), log.outcomes());
            assertEquals(2, inits.get());
        }
    }

    @Test
    void aConnectorWithoutInitCodeNeedsNone() throws Exception {
        KisPlugin plugin = pool -> {
            pool.caas("Store", "Save", Mode.SAVE, (c, f, flow, args) -> c.getConfig().addrs() + "/" + flow.getConnConf().key() + args);
            pool.faas("Save", flow -> flow.commitRow(flow.getConnector().call(flow, "x")));
        };
        try (Engine engine = engine(storeProject(), plugin)) {
            assertEquals(List.of("127.0.0.1:4000/key-x"), run(engine.flow("SaveOnly"), "x").get("Save"));
            assertEquals(java.util.Set.of("Store"), engine.implementedConnectors());
        }
    }

    @Test
    void aConnectorCanOnlyBeCalledFromInsideAFunction() throws Exception {
        AtomicInteger inits = new AtomicInteger();
        try (Engine engine = engine(storeProject(), storePlugin(inits))) {
            KisFlowRun flow = engine.flow("SaveOnly");
            Connector c = flow.functions().get(0).getConnector();
            assertEquals("connector Store can only be called from inside a function",
                    assertThrows(IllegalStateException.class, () -> c.call(flow, "x")).getMessage());
        }
    }
}
