package io.kisflow.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code serve --http HOST:PORT}: what an orchestrator and Prometheus ask a running service.
 * {@code /health} is 200 while every flow has a consumer thread that runs (a liveness probe
 * restarts the process otherwise); {@code /ready} is 200 once every consumer has joined its group,
 * reaches the brokers and none is stopping, with a JSON body listing per flow the assigned and paused
 * partitions and whether the brokers answer ({@code "brokers":"reachable"} or {@code "unreachable for
 * 7 s: ..."}; 503 with the same body otherwise); {@code /metrics} is the Prometheus text of the engine's and the
 * service's metrics ({@link ServeMetrics}).
 *
 * <pre>{@code try (ServeHttp http = ServeHttp.start("127.0.0.1:9464", services, metrics)) { ... }}</pre>
 */
public final class ServeHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private ServeHttp(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code hostPort} (port 0: a free port).
     *
     * @throws IllegalArgumentException when it is not HOST:PORT
     * @throws IOException              when the address cannot be bound (in use, not local)
     */
    public static ServeHttp start(String hostPort, List<FlowService> services, ServeMetrics metrics) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            port = -1;
        }
        if (colon < 0 || port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http '" + hostPort + "' is not HOST:PORT (for example 127.0.0.1:9464, or 0.0.0.0:9464 for every interface)");
        }
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        HttpServer server = HttpServer.create(new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port), 16);
        server.createContext("/metrics", new MetricsHandler(metrics.registry()));
        server.createContext("/health", exchange -> {
            boolean live = services.stream().allMatch(FlowService::isRunning);
            respond(exchange, live ? 200 : 503, "text/plain", live ? "ok\n" : "a flow has no running consumer; see the log\n");
        });
        server.createContext("/ready", exchange -> {
            boolean ready = services.stream().allMatch(FlowService::isReady);
            respond(exchange, ready ? 200 : 503, "application/json", JSON.writeValueAsString(state(ready, services)) + "\n");
        });
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain", "try /health, /ready or /metrics\n"));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "serve-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new ServeHttp(server);
    }

    private static Map<String, Object> state(boolean ready, List<FlowService> services) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ready", ready);
        List<Map<String, Object>> flows = new ArrayList<>();
        for (FlowService s : services) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("flow", s.settings().flow());
            f.put("topic", s.settings().topic());
            f.put("group", s.settings().group());
            f.put("ready", s.isReady());
            f.put("assigned", s.assignedPartitions().stream().map(tp -> tp.partition()).sorted().toList());
            f.put("paused", s.pausedPartitions().stream().map(tp -> tp.partition()).sorted().toList());
            f.put("failures", s.failures());
            String brokers = s.brokerProblem();
            f.put("brokers", brokers == null ? "reachable" : brokers);
            flows.add(f);
        }
        out.put("flows", flows);
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
