package io.kisflow.engine;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Go's six KisFlow metrics, in a registry of this engine's own (never the global default registry,
 * so engines coexist), optionally served over HTTP at {@code /metrics}. Label children are looked up
 * once per flow instance ({@link FlowMetrics}, {@link FunctionMetrics}); a run then only touches
 * them once per run and once per function call.
 *
 * <p>{@code flow_data_total} is a counter here: Go declares it a gauge, but the Prometheus Java
 * client refuses gauge names ending in {@code _total}. A counter named {@code flow_data} is exposed
 * as {@code flow_data_total} with the same labels and values (Go only ever adds to it).
 */
final class EngineMetrics implements AutoCloseable {
    static final double[] FUNC_BUCKETS = {0.005, 0.01, 0.03, 0.08, 0.1, 0.5, 1, 5, 10, 100, 1000, 5000, 30000};
    static final double[] FLOW_BUCKETS = {0.005, 0.01, 0.03, 0.08, 0.1, 0.5, 1, 5, 10, 100, 1000, 5000, 30000, 60000};

    final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter dataTotal = Counter.builder().name("kisflow_data_total")
            .help("Total data volume of all KisFlow Flows").withoutExemplars().register(registry);
    private final Counter flowDataTotal = Counter.builder().name("flow_data")
            .help("Total data volume of each KisFlow FlowID data stream").labelNames("flow_name").withoutExemplars().register(registry);
    private final Gauge flowScheduleCnts = Gauge.builder().name("flow_schedule_cnts")
            .help("Number of times each KisFlow FlowID is scheduled").labelNames("flow_name").withoutExemplars().register(registry);
    private final Gauge funcScheduleCnts = Gauge.builder().name("func_schedule_cnts")
            .help("Number of times each KisFlow Function is scheduled").labelNames("func_name", "func_mode").withoutExemplars().register(registry);
    private final Histogram funcRunDuration = Histogram.builder().name("func_run_duration")
            .help("Function execution time").labelNames("func_name", "func_mode")
            .classicUpperBounds(FUNC_BUCKETS).classicOnly().withoutExemplars().register(registry);
    private final Histogram flowRunDuration = Histogram.builder().name("flow_run_duration")
            .help("Flow execution time").labelNames("flow_name")
            .classicUpperBounds(FLOW_BUCKETS).classicOnly().withoutExemplars().register(registry);
    private HTTPServer server;

    /** The per-flow children, looked up once per flow instance. */
    record FlowMetrics(CounterDataPoint allData, CounterDataPoint flowData, GaugeDataPoint schedules,
                       DistributionDataPoint duration) {
        void runStarted(int sourceRows) {
            allData.inc(sourceRows);
            flowData.inc(sourceRows);
            schedules.inc();
        }

        void runSucceeded(long nanos) {
            duration.observe(nanos / 1e6);
        }
    }

    /** The per-function children. */
    record FunctionMetrics(GaugeDataPoint schedules, DistributionDataPoint duration) {
        void succeeded(long nanos) {
            duration.observe(nanos / 1e6);
        }
    }

    FlowMetrics forFlow(String flowName) {
        return new FlowMetrics(dataTotal, flowDataTotal.labelValues(flowName), flowScheduleCnts.labelValues(flowName),
                flowRunDuration.labelValues(flowName));
    }

    FunctionMetrics forFunction(String funcName, String mode) {
        return new FunctionMetrics(funcScheduleCnts.labelValues(funcName, mode), funcRunDuration.labelValues(funcName, mode));
    }

    /** Serves {@code /metrics} at host:port (port 0 picks a free port); returns the bound address. */
    synchronized InetSocketAddress serve(String hostPort) throws IOException {
        InetSocketAddress address = parse(hostPort);
        server = HTTPServer.builder().hostname(address.getHostString()).port(address.getPort()).registry(registry).buildAndStart();
        return new InetSocketAddress(address.getHostString(), server.getPort());
    }

    /** Go's prometheus_serve is "host:port" (host may be empty, meaning every interface). */
    static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("prometheus_serve '" + hostPort + "' is not host:port (for example 0.0.0.0:20004)");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prometheus_serve '" + hostPort + "' has no valid port number", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("prometheus_serve '" + hostPort + "' has a port outside 0..65535");
        }
        return InetSocketAddress.createUnresolved(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
