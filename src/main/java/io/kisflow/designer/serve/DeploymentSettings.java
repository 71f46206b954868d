package io.kisflow.designer.serve;

import io.kisflow.serve.ServeSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one flow is served: the settings of {@code serve} the Serve tab edits (broker, topic, group,
 * threads, batch size, batch wait, commit interval, JSON values, dead-letter topic). Kept per flow in
 * the project's sidecar ({@link ServeSidecar}), never in the KisFlow YAML.
 *
 * <pre>{@code DeploymentSettings s = DeploymentSettings.defaults("Orders").withTopic("orders").withCommitIntervalMs(0);}</pre>
 *
 * @param commitIntervalMs how long finished batches may wait for their commit ({@code --commit-interval}); 0 commits
 *                         after every poll, so a crash repeats only the batches in flight (docs/SERVE.md)
 * @param deadLetter       the dead-letter topic, "" for none (a failed batch then pauses its partition)
 */
public record DeploymentSettings(String kafka, String topic, String group, int threads, int batchSize, int batchWaitMs,
                                 long commitIntervalMs, boolean json, String deadLetter) {
    public static final String DEFAULT_KAFKA = "127.0.0.1:9092";
    public static final int DEFAULT_BATCH_SIZE = ServeSettings.DEFAULT_BATCH_SIZE;
    public static final int DEFAULT_BATCH_WAIT_MS = (int) ServeSettings.DEFAULT_BATCH_WAIT.toMillis();
    public static final long DEFAULT_COMMIT_INTERVAL_MS = ServeSettings.DEFAULT_COMMIT_INTERVAL.toMillis();

    public DeploymentSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        deadLetter = deadLetter == null ? "" : deadLetter;
        if (threads < 1 || batchSize < 1 || batchWaitMs < 1) {
            throw new IllegalArgumentException("threads, batch size and batch wait must be at least 1");
        }
        if (commitIntervalMs < 0) {
            throw new IllegalArgumentException("the commit interval cannot be negative");
        }
    }

    /** A flow's settings before the user changed any: a local broker, a topic named like the flow, group kisflow-FLOW. */
    public static DeploymentSettings defaults(String flow) {
        return new DeploymentSettings(DEFAULT_KAFKA, flow, "kisflow-" + flow, 1, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WAIT_MS,
                DEFAULT_COMMIT_INTERVAL_MS, false, "");
    }

    public DeploymentSettings withKafka(String v) {
        return new DeploymentSettings(v, topic, group, threads, batchSize, batchWaitMs, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withTopic(String v) {
        return new DeploymentSettings(kafka, v, group, threads, batchSize, batchWaitMs, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withGroup(String v) {
        return new DeploymentSettings(kafka, topic, v, threads, batchSize, batchWaitMs, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withThreads(int v) {
        return new DeploymentSettings(kafka, topic, group, v, batchSize, batchWaitMs, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withBatchSize(int v) {
        return new DeploymentSettings(kafka, topic, group, threads, v, batchWaitMs, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withBatchWaitMs(int v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, v, commitIntervalMs, json, deadLetter);
    }

    public DeploymentSettings withCommitIntervalMs(long v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, batchWaitMs, v, json, deadLetter);
    }

    public DeploymentSettings withJson(boolean v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, batchWaitMs, commitIntervalMs, v, deadLetter);
    }

    public DeploymentSettings withDeadLetter(String v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, batchWaitMs, commitIntervalMs, json, v);
    }

    /**
     * The options of {@code serve} for these settings, after {@code --flow NAME}. The commit interval
     * is always named, default or not: the command says which trade it makes.
     */
    public List<String> serveOptions() {
        List<String> o = new ArrayList<>(List.of("--kafka", kafka, "--topic", topic, "--group", group,
                "--threads", String.valueOf(threads), "--batch-size", String.valueOf(batchSize), "--batch-wait", String.valueOf(batchWaitMs),
                "--commit-interval", String.valueOf(commitIntervalMs)));
        if (json) {
            o.add("--json");
        }
        if (!deadLetter.isBlank()) {
            o.addAll(List.of("--dead-letter", deadLetter));
        }
        return o;
    }
}
