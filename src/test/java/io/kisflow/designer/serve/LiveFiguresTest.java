package io.kisflow.designer.serve;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures of the Serve tab from a service's logfmt lines and Prometheus text, as serve writes them. */
class LiveFiguresTest {
    @Test
    void batchLinesCountRecordsAndWarningsAndErrorsAreListed() {
        LiveFigures f = new LiveFigures(Runnable::run);
        boolean[] assigned = {false};
        f.onAssigned(() -> assigned[0] = true);
        f.line("ts=2026-12-01T21:00:00Z level=info event=assigned flow=Ingest partitions=[events-0, events-1] thread=serve-Ingest-0");
        f.line("ts=2026-12-01T21:00:01Z level=info event=batch flow=Ingest topic=events partition=0 offsets=0..9 rows=10 ms=3 outcome=ok");
        f.line("ts=2026-12-01T21:00:01Z level=info event=batch flow=Ingest topic=events partition=1 offsets=0..4 rows=5 ms=2 outcome=ok");
        f.line("ts=2026-12-01T21:00:02Z level=warn event=undecodable flow=Ingest topic=events partition=1 offset=5 error=\"not a JSON value (x)\"");
        f.line("error: no flow named 'Nope' in conf");
        assertTrue(assigned[0]);
        assertEquals(15, f.processedProperty().get());
        assertEquals(List.of(new LiveFigures.PartitionLag("events-0", 10, -1), new LiveFigures.PartitionLag("events-1", 5, -1)), f.partitions());
        assertEquals(2, f.errors().size());
        assertEquals("WARN undecodable: topic=events partition=1 offset=5 error=not a JSON value (x)", f.errors().get(0),
                "no time stamp, level and event first");
        assertEquals("error: no flow named 'Nope' in conf", f.lastError());
        assertEquals(5, f.lines().size());
    }

    @Test
    void logfmtValuesMayBeQuoted() {
        assertEquals(Map.of("level", "warn", "event", "retry", "error", "connection refused: \"db\" down", "in_ms", "200"),
                LiveFigures.fields("level=warn event=retry error=\"connection refused: \\\"db\\\" down\" in_ms=200"));
    }

    @Test
    void metricsTextGivesSumsAndLabels() {
        MetricsText m = MetricsText.parse("""
                # HELP kisflow_serve_records_total Records consumed by outcome
                # TYPE kisflow_serve_records_total counter
                kisflow_serve_records_total{flow_name="Ingest",outcome="ok"} 220.0
                kisflow_serve_records_total{flow_name="Ingest",outcome="dead_letter"} 1.0
                kisflow_serve_partition_lag{flow_name="Ingest",partition="1",topic="events"} 7.0
                broken line
                """);
        assertEquals(221.0, m.sum("kisflow_serve_records_total"));
        MetricsText.Sample lag = m.named("kisflow_serve_partition_lag").get(0);
        assertEquals(Map.of("flow_name", "Ingest", "partition", "1", "topic", "events"), lag.labels());
        assertEquals(7.0, lag.value());
    }
}
