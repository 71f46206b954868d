package io.kisflow.connect;

import com.sun.net.httpserver.HttpServer;
import io.kisflow.engine.FlowException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code type: http} against the JDK's HttpServer on loopback: a tiny row store at /rows. */
class HttpConnectorTest {
    private HttpServer server;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rows", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] answer;
            int status = 200;
            if ("POST".equals(exchange.getRequestMethod())) {
                posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            } else {
                answer = "[{\"stu_id\":101},\"plain\",7]".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            byte[] answer = "database is down".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void savePostsTheRowsAsOneArrayAndLoadGetsOne(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp, "http", base(), "/rows", Map.of("user", "kis", "password", "pw", "header.X-Token", "t1"))) {
            List<Object> rows = List.of(Map.of("stu_id", 101), "{\"stu_id\":102}", "plain");
            assertEquals(rows, p.save(rows));
            assertEquals(List.of("[{\"stu_id\":101},{\"stu_id\":102},\"plain\"]"), posted, "JSON text rows go as that JSON");
            assertEquals(List.of(Map.of("stu_id", 101), "plain", 7), p.load());
            assertEquals("Basic a2lzOnB3", authorizations.get(0), "user and password as basic authentication");
            assertEquals(Map.of("Save", "built-in · POST /rows", "Load", "built-in · GET /rows"), p.engine.builtInFunctions());
        }
    }

    @Test
    void anErrorStatusIsNamedWithTheServersWords(@TempDir Path tmp) throws Exception {
        try (StoreProject p = StoreProject.write(tmp, "http", base(), "broken", Map.of())) {
            FlowException e = assertThrows(FlowException.class, () -> p.save(List.of("x")));
            assertTrue(e.getMessage().endsWith("connector Store (http at " + base() + "): POST " + base() + "/broken was answered 503: database is down"),
                    e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsTheCallWithinTheCallTimeout(@TempDir Path tmp) throws Exception {
        // an HTTP connector opens nothing before its first call: a server that takes the connection and
        // never answers ends that call within call_timeout (60 s by default), naming it
        try (SilentPort silent = new SilentPort();
             StoreProject p = StoreProject.write(tmp, "http", "http://127.0.0.1:" + silent.port(), "rows",
                     Map.of("connect_timeout", "2s", "call_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, p::load),
                    "a server that takes the connection and never answers must fail the call, never hang it");
            assertTrue(e.getMessage().contains("connector Store (http at http://127.0.0.1:" + silent.port() + "): GET http://127.0.0.1:"
                    + silent.port() + "/rows got no answer within 2 s"), e.getMessage());
        }
    }

    @Test
    void anUnreachableServerFailsWithinTheConnectTimeout(@TempDir Path tmp) throws Exception {
        String nobody = "http://127.0.0.1:" + Ports.free();
        try (StoreProject p = StoreProject.write(tmp, "http", nobody, "rows", Map.of("connect_timeout", "2s"))) {
            FlowException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(FlowException.class, p::load),
                    "a connector that cannot connect must fail, never hang");
            assertTrue(e.getMessage().contains("connector Store (http at " + nobody + "): cannot connect: "), e.getMessage());
            List<String> none = new ArrayList<>(posted);
            assertEquals(List.of(), none);
        }
    }
}
