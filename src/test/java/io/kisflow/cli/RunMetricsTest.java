package io.kisflow.cli;

import io.kisflow.engine.PluginCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line keeps Go's behaviour for metrics: a global file with prometheus_enable and
 * prometheus_listen serves /metrics at prometheus_serve while {@code run} runs, and the port is
 * closed when the run ends. (The designer asks first; that is its own business, not the CLI's.)
 */
class RunMetricsTest {
    @Test
    void aGlobalFileEnablingPrometheusServesMetricsDuringTheRunOnly(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(conf.resolve("kis-flow.yml"), "kistype: global\nprometheus_enable: true\nprometheus_listen: true\n"
                + "prometheus_serve: 127.0.0.1:" + port + "\n");
        Files.writeString(conf.resolve("func-Scrape.yml"), "kistype: func\nfname: Scrape\nfmode: Calculate\nsource:\n  name: s\n  must: [id]\n");
        Files.writeString(conf.resolve("flow-Scraped.yml"), "kistype: flow\nstatus: 1\nflow_name: Scraped\nflows:\n"
                + "  - fname: Scrape\n    params:\n      port: \"" + port + "\"\n");
        // the function reads /metrics from inside the run: proof that the server listens while the flow runs
        Path plugin = PluginCompiler.classFolder(tmp.resolve("plugin"), "scrape.Scrape", """
                package scrape;
                import io.kisflow.engine.*;
                import java.net.URI;
                import java.net.http.*;
                public class Scrape implements KisPlugin {
                    public void register(Pool pool) {
                        pool.faas("Scrape", flow -> {
                            String url = "http://127.0.0.1:" + flow.getFuncParam("port") + "/metrics";
                            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            flow.commitRow(r.statusCode() + (r.body().contains("flow_schedule_cnts{flow_name=\\"Scraped\\"}") ? " scheduled" : " missing"));
                        });
                    }
                }
                """);
        CliRunner r = CliRunner.runWithStdin("x\n", "run", "--conf", conf.toString(), "--flow", "Scraped", "--input", "-",
                "--plugin", plugin.toString(), "--no-samples");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"200 scheduled\""), r.out());
        assertThrows(ConnectException.class, () -> connect(port), "the metrics server stops with the run");
    }

    private static void connect(int port) throws IOException {
        new Socket("127.0.0.1", port).close();
    }
}
