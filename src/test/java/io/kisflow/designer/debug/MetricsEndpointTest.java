package io.kisflow.designer.debug;

import io.kisflow.designer.debug.input.InputMode;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project whose global config asks for metrics on every interface, as Go's load_conf does
 * (prometheus_enable, prometheus_listen, prometheus_serve 0.0.0.0:PORT): opening it in the designer
 * opens no port; the user's switch serves the metrics on 127.0.0.1 only, and turning it off closes
 * the port. The file's setting stays in the document, untouched.
 */
class MetricsEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void openingAProjectOpensNoPortAndTheSwitchServesMetricsOnLoopbackOnly() throws Exception {
        int port = freePort();
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("kis-flow.yml"), "kistype: global\nprometheus_enable: true\nprometheus_listen: true\n"
                + "prometheus_serve: 0.0.0.0:" + port + "\n");
        Files.writeString(project.resolve("func-Pass.yml"), "kistype: func\nfname: Pass\nfmode: Calculate\nsource:\n  name: rows\n");
        Files.writeString(project.resolve("flow-Metered.yml"), "kistype: flow\nstatus: 1\nflow_name: Metered\nflows:\n  - fname: Pass\n");
        ProjectFiles files = ProjectFiles.open(project);
        DesignState opened = new DesignState(files.configs(), files.layout());
        ProjectDocument doc = new ProjectDocument();
        try (ProjectDebugger dbg = new ProjectDebugger(doc, DebugOptions.defaults(), Runnable::run, Runnable::run)) {
            doc.open(files.directory(), opened, opened);
            DebugSession s = dbg.session();
            assertTrue(isFree(port), "opening the project bound port " + port);
            assertEquals("", s.metricsEndpointProperty().get());
            assertEquals("The global config turns metrics on for servers and has them listen at 0.0.0.0:" + port + ".", s.configuredMetrics());

            s.metricsServedProperty().set(true);
            assertEquals("http://127.0.0.1:" + port + "/metrics", s.metricsEndpointProperty().get());
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(outside.get(), port), 2000),
                            "metrics must not be reachable on " + outside.get());
                }
            }
            s.flow("Metered").input().modeProperty().set(InputMode.TEXT);
            s.flow("Metered").input().textProperty().set("a\nb");
            SessionDriver d = SessionDriver.wrap(s);   // not closed: closing it closes the session
            assertTrue(s.run("Metered"));
            d.await(SessionState.FINISHED);
            String body = get(s.metricsEndpointProperty().get());
            assertTrue(body.contains("flow_schedule_cnts{flow_name=\"Metered\"} 1.0")
                    || body.contains("flow_schedule_cnts_total{flow_name=\"Metered\"} 1.0"), body);

            s.metricsServedProperty().set(false);
            assertEquals("", s.metricsEndpointProperty().get());
            assertTrue(isFree(port), "turning metrics off left port " + port + " open");
            // the switch is not an edit: the global config's setting stays as the file has it
            assertEquals(opened.configs().global(), doc.state().configs().global());
            assertTrue(doc.state().configs().global().prometheusListen());
        }
        assertFalse(Files.readString(project.resolve("kis-flow.yml")).isEmpty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Nothing listens on the port, on any interface. */
    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
