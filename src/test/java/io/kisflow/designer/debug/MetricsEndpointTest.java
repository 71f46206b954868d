package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.GlobalConfig;
import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the global config turns metrics on, designer runs are counted on the engine's Prometheus endpoint. */
class MetricsEndpointTest {
    @Test
    void designerRunsAreServedOnThePrometheusEndpointOfTheGlobalConfig() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ConfigSet project = ConfigSet.EMPTY.withFunc(FuncConfig.of("Pass", "Calculate"))
                .withFlow(FlowConfig.of("Metered", FlowStep.of("Pass")))
                .withGlobal(new GlobalConfig(true, true, "127.0.0.1:" + port, Map.of()));
        DebugSettings settings = DebugSettings.EMPTY.withInput("Metered", List.of("a", "b"), InputMode.TEXT);
        try (DebugSession s = new DebugSession(null, project, settings, DebugOptions.defaults(), Runnable::run, Runnable::run);
             SessionDriver d = SessionDriver.wrap(s)) {
            assertEquals("http://127.0.0.1:" + port + "/metrics", s.metricsEndpointProperty().get());
            assertTrue(s.run("Metered"));
            d.await(SessionState.FINISHED);
            String body = get(s.metricsEndpointProperty().get());
            assertTrue(body.contains("flow_schedule_cnts_total{flow_name=\"Metered\"} 1.0")
                    || body.contains("flow_schedule_cnts{flow_name=\"Metered\"} 1.0"), body);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
