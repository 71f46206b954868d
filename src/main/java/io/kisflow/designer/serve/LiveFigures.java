package io.kisflow.designer.serve;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a locally served flow is doing, live: records per second, records processed, lag per
 * partition and the errors it reported. The lag and the record count come from the service's
 * {@code /metrics} (Prometheus text, read every second); the errors and the "assigned" moment from its
 * logfmt lines ({@code level=info event=batch flow=F topic=T partition=P offsets=A..B rows=N ...},
 * {@code level=warn}/{@code level=error} lines, the command line's {@code error:}), which also count the
 * records until the metrics answer. Everything changes on the {@code ui} executor.
 */
public final class LiveFigures {
    /** The service's counter of records by outcome, and its lag gauge (labels {@code topic}, {@code partition}). */
    static final String RECORDS = "kisflow_serve_records_total";
    static final String LAG = "kisflow_serve_partition_lag";
    private static final int KEEP_LINES = 500;
    private static final int KEEP_ERRORS = 200;
    private static final Pattern FIELD = Pattern.compile("([a-z_.]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");
    private static final Pattern OFFSETS = Pattern.compile("(\\d+)\\.\\.(\\d+)");

    /** One partition's row: its name (topic-N), the next offset the service commits, and its lag (-1: not known yet). */
    public record PartitionLag(String partition, long committed, long lag) {
    }

    private final Executor ui;
    private final ReadOnlyDoubleWrapper perSecond = new ReadOnlyDoubleWrapper(this, "perSecond");
    private final ReadOnlyLongWrapper processed = new ReadOnlyLongWrapper(this, "processed");
    private final ObservableList<PartitionLag> partitions = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final Map<String, long[]> byPartition = new TreeMap<>(); // name -> {committed, lag}; UI executor only
    private Runnable onAssigned = () -> { };
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> watching;
    private volatile String lastError;
    /** Records counted from the log lines (until the metrics answer) and at the previous tick. */
    private long fromLines;
    private long previousCount = -1;
    private long previousNanos;
    private boolean metricsAnswered;

    LiveFigures(Executor ui) {
        this.ui = ui;
    }

    void onAssigned(Runnable r) {
        onAssigned = r;
    }

    void reset() {
        ui.execute(() -> {
            perSecond.set(0);
            processed.set(0);
            partitions.clear();
            errors.clear();
            lines.clear();
            byPartition.clear();
            fromLines = 0;
            previousCount = -1;
            metricsAnswered = false;
        });
        lastError = null;
    }

    /** The fields of a logfmt line, name to value (quotes and escapes removed); empty for any other line. */
    static Map<String, String> fields(String line) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            String v = m.group(2);
            if (v.length() >= 2 && v.startsWith("\"")) {
                v = v.substring(1, v.length() - 1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            }
            out.put(m.group(1), v);
        }
        return out;
    }

    /** One output line of the service (any thread). */
    void line(String line) {
        Map<String, String> f = fields(line);
        String level = f.getOrDefault("level", "");
        boolean error = line.startsWith("error:") || level.equals("error") || level.equals("warn") || line.startsWith("Exception ");
        if (error) {
            lastError = line;
        }
        ui.execute(() -> {
            add(lines, line, KEEP_LINES);
            if (error) {
                add(errors, readable(line, f), KEEP_ERRORS);
            }
            String event = f.getOrDefault("event", "");
            if (event.equals("assigned")) {
                onAssigned.run();
            }
            if (event.equals("batch") && f.containsKey("rows") && f.containsKey("partition")) {
                fromLines += parseLong(f.get("rows"));
                long[] p = byPartition.computeIfAbsent(f.getOrDefault("topic", "") + "-" + f.get("partition"), k -> new long[] {0, -1});
                Matcher o = OFFSETS.matcher(f.getOrDefault("offsets", ""));
                if ("ok".equals(f.get("outcome")) && o.matches()) {
                    p[0] = Long.parseLong(o.group(2)) + 1;
                }
                if (!metricsAnswered) {
                    processed.set(fromLines);
                }
                publishPartitions();
            }
        });
    }

    /** An error line as the list shows it: {@code WARN undecodable: topic=T partition=P ... error=...}, no time stamp. */
    static String readable(String line, Map<String, String> f) {
        if (!f.containsKey("level") || !f.containsKey("event")) {
            return line;
        }
        StringBuilder b = new StringBuilder(f.get("level").toUpperCase(java.util.Locale.ROOT)).append(' ').append(f.get("event")).append(':');
        f.forEach((k, v) -> {
            if (!k.equals("ts") && !k.equals("level") && !k.equals("event") && !k.equals("flow")) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void add(ObservableList<String> list, String line, int keep) {
        list.add(line);
        if (list.size() > keep) {
            list.remove(0, list.size() - keep);
        }
    }

    /** Reads {@code metricsUrl} every second (on its own thread) until {@link #stopWatching()}. */
    void watch(String metricsUrl) {
        stopWatching();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10)).GET().build();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-metrics");
            t.setDaemon(true);
            return t;
        });
        watching = ticker.scheduleWithFixedDelay(() -> {
            MetricsText metrics = null;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    metrics = MetricsText.parse(r.body());
                }
            } catch (java.io.IOException e) {
                // not listening yet (starting) or gone (ending): the log lines still count
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            MetricsText got = metrics;
            long now = System.nanoTime();
            ui.execute(() -> tick(got, now));
        }, 500, 1000, TimeUnit.MILLISECONDS);
    }

    private void tick(MetricsText metrics, long now) {
        long count = fromLines;
        if (metrics != null && metrics.has(RECORDS)) {
            metricsAnswered = true;
            count = (long) metrics.sum(RECORDS);
            for (MetricsText.Sample s : metrics.named(LAG)) {
                String tp = s.labels().getOrDefault("topic", "") + "-" + s.labels().getOrDefault("partition", "?");
                byPartition.computeIfAbsent(tp, k -> new long[] {0, -1})[1] = (long) s.value();
            }
            publishPartitions();
        }
        processed.set(count);
        if (previousCount >= 0 && now > previousNanos) {
            perSecond.set((count - previousCount) * 1e9 / (now - previousNanos));
        }
        previousCount = count;
        previousNanos = now;
    }

    private void publishPartitions() {
        List<PartitionLag> rows = new ArrayList<>();
        byPartition.forEach((name, v) -> rows.add(new PartitionLag(name, v[0], v[1])));
        partitions.setAll(rows);
    }

    void stopWatching() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
            watching = null;
        }
        ui.execute(() -> perSecond.set(0));
    }

    /** The last error line of the service, or null (any thread). */
    String lastError() {
        return lastError;
    }

    /** Records per second over the last second. */
    public ReadOnlyDoubleProperty perSecondProperty() {
        return perSecond.getReadOnlyProperty();
    }

    /** Records the service has taken since it started. */
    public ReadOnlyLongProperty processedProperty() {
        return processed.getReadOnlyProperty();
    }

    /** One row per partition the service has worked on or reports lag for, by name. */
    public ObservableList<PartitionLag> partitions() {
        return FXCollections.unmodifiableObservableList(partitions);
    }

    /** The service's error lines (failed batches, paused partitions, undecodable records, a thread that ended), oldest first. */
    public ObservableList<String> errors() {
        return FXCollections.unmodifiableObservableList(errors);
    }

    /** The service's last output lines. */
    public ObservableList<String> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }
}
