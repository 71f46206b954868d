package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.map;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Deliberate difference: a fork is fully independent and always has the flow's chain (Go shares the config, and forks of flows built without Link are empty). */
class ForkTest {
    @Test
    void aForkHasTheSameChainAndParamsButNoDataOfItsOwn() throws Exception {
        ConfigSet set = chain("F", "A", "B");
        set = set.withFlow(set.flow("F").withFlows(List.of(new FlowStep("A", map("k", "v")), FlowStep.of("B"))));
        KisPlugin plugin = pool -> {
            pool.faas("A", prefixing("a:"));
            pool.faas("B", prefixing("b:"));
        };
        try (Engine engine = engine(set, plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x");
            flow.setMetaData("m", "original");
            flow.setCacheData("c", "original", Duration.ZERO);
            flow.functions().get(0).setMetaData("fm", "original");

            KisFlowRun fork = flow.fork();
            assertEquals(List.of(), fork.levels());
            assertEquals(List.of("A", "B"), fork.functions().stream().map(Function::getName).toList());
            assertEquals(map("k", "v"), fork.funcParams(0));
            assertSame(flow.getConfig(), fork.getConfig(), "configs are immutable values, safe to share");
            assertNotEquals(flow.getId(), fork.getId());
            assertNull(fork.getMetaData("m"));
            assertNull(fork.getCacheData("c"));
            assertNull(fork.functions().get(0).getMetaData("fm"));

            assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, List.of("y"), "A", List.of("a:y"), "B", List.of("b:a:y")), run(fork, "y"));
            assertEquals(List.of("x"), flow.levels().get(0).rows(), "running the fork leaves the original's levels alone");
            assertEquals("original", flow.getMetaData("m"));
        }
    }

    @Test
    void eightForksRunTenThousandRunsEachAtOnceAndEveryResultIsRight() throws Exception {
        ConfigSet set = Projects.withConn(chain("F", "Parse", "Save", "Tag"), "Store");
        set = Projects.withMode(Projects.withOption(set, "Save", Projects.connector("Store")), "Save", "Save");
        AtomicInteger inits = new AtomicInteger();
        AtomicInteger saved = new AtomicInteger();
        KisPlugin plugin = pool -> {
            pool.faas("Parse", flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(Integer.parseInt((String) row));
                }
            });
            pool.faas("Save", flow -> {
                for (Object row : flow.input()) {
                    flow.getConnector().call(flow, row);
                    flow.commitRow((Integer) row * 2);
                }
            });
            pool.faas("Tag", flow -> {
                for (Object row : flow.input()) {
                    flow.commitRow(flow.getId() + ":" + row);
                }
            });
            pool.caasInit("Store", c -> inits.incrementAndGet());
            pool.caas("Store", "Save", Mode.SAVE, (c, f, flow, args) -> saved.incrementAndGet());
        };
        int threads = 8;
        int runs = 10_000;
        try (Engine engine = Engine.builder().configs(set).plugin(plugin).metrics(true).build()) {
            KisFlowRun original = engine.flow("F");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    KisFlowRun fork = original.fork();
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int checked = 0;
                        for (int i = 0; i < runs; i++) {
                            int base = thread * 1_000_000 + i * 10;
                            fork.commitRow(Integer.toString(base));
                            fork.commitRow(Integer.toString(base + 1));
                            fork.run();
                            List<Level> levels = fork.levels();
                            List<Object> expected = List.of(fork.getId() + ":" + base * 2, fork.getId() + ":" + (base + 1) * 2);
                            if (levels.size() != 4 || !levels.get(3).rows().equals(expected)
                                    || !levels.get(1).rows().equals(List.of(base, base + 1))) {
                                throw new AssertionError("thread " + thread + " run " + i + ": " + levels);
                            }
                            checked++;
                        }
                        return checked;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get();
                }
                assertEquals(threads * runs, total);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, inits.get(), "one connector for the engine, shared by all forks");
            assertEquals(threads * runs * 2, saved.get());
            String scrape = MetricsTest.scrape(engine);
            assertEquals(true, scrape.contains("flow_schedule_cnts{flow_name=\"F\"} " + (double) (threads * runs)), scrape);
            assertEquals(true, scrape.contains("kisflow_data_total " + (double) (threads * runs * 2)), scrape);
        }
    }
}
