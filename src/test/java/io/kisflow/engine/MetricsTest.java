package io.kisflow.engine;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.GlobalConfig;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.prefixing;
import static io.kisflow.engine.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go's metric names, labels and buckets, in a registry per engine, served at /metrics as the global config says. */
class MetricsTest {
    private static final KisPlugin AB = pool -> {
        pool.faas("A", prefixing("a:"));
        pool.faas("B", flow -> {
        });
    };

    static String scrape(Engine engine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, engine.metricsRegistry().orElseThrow().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ConfigSet withGlobal(boolean enable, boolean listen, String serve) {
        return chain("F", "A", "B").withGlobal(new GlobalConfig(enable, listen, serve, Map.of()));
    }

    @Test
    void runsCountRowsSchedulesAndDurationsWithGosNamesLabelsAndBuckets() throws Exception {
        try (Engine engine = Engine.builder().configs(chain("F", "A", "B")).plugin(AB).metrics(true).build()) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "x", "y", "z");
            run(flow, "w");
            String text = scrape(engine);
            assertTrue(text.contains("kisflow_data_total 4.0\n"), text);
            assertTrue(text.contains("flow_data_total{flow_name=\"F\"} 4.0\n"), text);
            assertTrue(text.contains("# TYPE flow_schedule_cnts gauge\nflow_schedule_cnts{flow_name=\"F\"} 2.0\n"), text);
            assertTrue(text.contains("# TYPE func_schedule_cnts gauge\n"), text);
            assertTrue(text.contains("func_schedule_cnts{func_mode=\"Calculate\",func_name=\"A\"} 2.0\n"), text);
            assertTrue(text.contains("func_schedule_cnts{func_mode=\"Calculate\",func_name=\"B\"} 2.0\n"), text);
            assertTrue(text.contains("# TYPE func_run_duration histogram\n"), text);
            assertTrue(text.contains("func_run_duration_count{func_mode=\"Calculate\",func_name=\"A\"} 2\n"), text);
            assertTrue(text.contains("flow_run_duration_count{flow_name=\"F\"} 2\n"), text);
            for (String le : new String[]{"0.005", "0.01", "0.03", "0.08", "0.1", "0.5", "1.0", "5.0", "10.0", "100.0", "1000.0", "5000.0", "30000.0"}) {
                assertTrue(text.contains("func_run_duration_bucket{func_mode=\"Calculate\",func_name=\"A\",le=\"" + le + "\"}"), le);
                assertTrue(text.contains("flow_run_duration_bucket{flow_name=\"F\",le=\"" + le + "\"}"), le);
            }
            assertTrue(text.contains("flow_run_duration_bucket{flow_name=\"F\",le=\"60000.0\"} 2\n"), text);
            assertFalse(text.contains("func_run_duration_bucket{func_mode=\"Calculate\",func_name=\"A\",le=\"60000.0\"}"), text);
        }
    }

    @Test
    void aFailedRunCountsItsCallsButObservesNoDuration() throws Exception {
        KisPlugin failing = pool -> pool.faas("A", flow -> {
            throw new IllegalStateException("down");
        });
        try (Engine engine = Engine.builder().configs(chain("F", "A")).plugin(failing).metrics(true).build()) {
            assertThrows(FlowException.class, () -> run(engine.flow("F"), "x"));
            String text = scrape(engine);
            assertTrue(text.contains("func_schedule_cnts{func_mode=\"Calculate\",func_name=\"A\"} 1.0\n"), text);
            assertFalse(text.contains("func_run_duration_count{func_mode=\"Calculate\",func_name=\"A\"} 1"), text);
            assertFalse(text.contains("flow_run_duration_count{flow_name=\"F\"} 1"), text);
        }
    }

    @Test
    void metricsAreServedOverHttpWhenTheGlobalConfigEnablesAndListens() throws Exception {
        try (Engine engine = Engine.builder().configs(withGlobal(true, true, "127.0.0.1:0")).plugin(AB).build()) {
            run(engine.flow("F"), "x");
            InetSocketAddress at = engine.metricsAddress().orElseThrow();
            String body = get("http://127.0.0.1:" + at.getPort() + "/metrics");
            assertTrue(body.contains("flow_schedule_cnts{flow_name=\"F\"} 1.0"), body);
            assertTrue(body.contains("func_schedule_cnts{func_mode=\"Calculate\",func_name=\"A\"} 1.0"), body);
            assertTrue(body.contains("kisflow_data_total 1.0"), body);
            engine.close();
            assertThrows(IOException.class, () -> get("http://127.0.0.1:" + at.getPort() + "/metrics"), "closing the engine stops the server");
        }
    }

    @Test
    void metricsFollowTheGlobalConfigUnlessTheBuilderSaysOtherwise() {
        try (Engine off = Engine.builder().configs(withGlobal(false, true, "127.0.0.1:0")).plugin(AB).build();
             Engine noListen = Engine.builder().configs(withGlobal(true, false, "127.0.0.1:0")).plugin(AB).build();
             Engine forcedOff = Engine.builder().configs(withGlobal(true, true, "127.0.0.1:0")).plugin(AB).metrics(false).build();
             Engine noGlobal = Engine.builder().configs(chain("F", "A")).plugin(AB).build()) {
            assertTrue(off.metricsRegistry().isEmpty());
            assertTrue(noListen.metricsRegistry().isPresent());
            assertTrue(noListen.metricsAddress().isEmpty(), "prometheus_listen false: collected, not served");
            assertTrue(forcedOff.metricsRegistry().isEmpty());
            assertTrue(forcedOff.metricsAddress().isEmpty());
            assertTrue(noGlobal.metricsRegistry().isEmpty(), "without a global file metrics are off, as in Go");
        }
    }

    @Test
    void aBusyPortIsAWarningNotAFailure() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            try (Engine engine = Engine.builder().configs(withGlobal(true, true, address)).plugin(AB).build()) {
                assertTrue(engine.metricsAddress().isEmpty());
                assertEquals(1, engine.warnings().size());
                assertTrue(engine.warnings().get(0).startsWith("metrics are not served at " + address + ": "), engine.warnings().get(0));
                assertEquals(Map.of(KisFlowRun.SOURCE_LEVEL, java.util.List.of("x"), "A", java.util.List.of("a:x")), run(engine.flow("F"), "x"));
            }
        }
    }

    @Test
    void engineRegistriesAreSeparateSoEnginesCoexist() throws Exception {
        try (Engine one = Engine.builder().configs(chain("F", "A", "B")).plugin(AB).metrics(true).build();
             Engine two = Engine.builder().configs(chain("F", "A", "B")).plugin(AB).metrics(true).build()) {
            run(one.flow("F"), "x");
            assertTrue(scrape(one).contains("flow_schedule_cnts{flow_name=\"F\"} 1.0"));
            assertFalse(scrape(two).contains("flow_schedule_cnts{flow_name=\"F\"}"));
        }
    }

    @Test
    void aMalformedAddressIsRefusedClearly() {
        assertEquals("prometheus_serve 'localhost' is not host:port (for example 0.0.0.0:20004)",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().metricsAddress("localhost")).getMessage());
        try (Engine engine = Engine.builder().configs(withGlobal(true, true, "")).plugin(AB).build()) {
            assertTrue(engine.warnings().get(0).startsWith("metrics are not served: prometheus_listen is true but prometheus_serve is empty"));
        }
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }
}
