package io.kisflow.designer.serve;

import java.util.Objects;

/**
 * How one flow is served: the settings of {@code serve} the Serve tab edits (broker, topic, group,
 * threads, batch size, batch wait, JSON values, dead-letter topic). Kept per flow in the project's
 * sidecar ({@link ServeSidecar}), never in the KisFlow YAML.
 *
 * <pre>{@code DeploymentSettings s = DeploymentSettings.defaults("Orders").withTopic("orders");}</pre>
 *
 * @param deadLetter the dead-letter topic, "" for none (a failed batch then pauses its partition)
 */
public record DeploymentSettings(String kafka, String topic, String group, int threads, int batchSize, int batchWaitMs,
                                 boolean json, String deadLetter) {
    public static final String DEFAULT_KAFKA = "127.0.0.1:9092";
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int DEFAULT_BATCH_WAIT_MS = 500;

    public DeploymentSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        deadLetter = deadLetter == null ? "" : deadLetter;
        if (threads < 1 || batchSize < 1 || batchWaitMs < 1) {
            throw new IllegalArgumentException("threads, batch size and batch wait must be at least 1");
        }
    }

    /** A flow's settings before the user changed any: a local broker, a topic named like the flow, group kisflow-FLOW. */
    public static DeploymentSettings defaults(String flow) {
        return new DeploymentSettings(DEFAULT_KAFKA, flow, "kisflow-" + flow, 1, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WAIT_MS, false, "");
    }

    public DeploymentSettings withKafka(String v) {
        return new DeploymentSettings(v, topic, group, threads, batchSize, batchWaitMs, json, deadLetter);
    }

    public DeploymentSettings withTopic(String v) {
        return new DeploymentSettings(kafka, v, group, threads, batchSize, batchWaitMs, json, deadLetter);
    }

    public DeploymentSettings withGroup(String v) {
        return new DeploymentSettings(kafka, topic, v, threads, batchSize, batchWaitMs, json, deadLetter);
    }

    public DeploymentSettings withThreads(int v) {
        return new DeploymentSettings(kafka, topic, group, v, batchSize, batchWaitMs, json, deadLetter);
    }

    public DeploymentSettings withBatchSize(int v) {
        return new DeploymentSettings(kafka, topic, group, threads, v, batchWaitMs, json, deadLetter);
    }

    public DeploymentSettings withBatchWaitMs(int v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, v, json, deadLetter);
    }

    public DeploymentSettings withJson(boolean v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, batchWaitMs, v, deadLetter);
    }

    public DeploymentSettings withDeadLetter(String v) {
        return new DeploymentSettings(kafka, topic, group, threads, batchSize, batchWaitMs, json, v);
    }

    /** The options of {@code serve} for these settings, after {@code --flow NAME}. */
    public java.util.List<String> serveOptions() {
        java.util.List<String> o = new java.util.ArrayList<>(java.util.List.of("--kafka", kafka, "--topic", topic, "--group", group,
                "--threads", String.valueOf(threads), "--batch-size", String.valueOf(batchSize), "--batch-wait", String.valueOf(batchWaitMs)));
        if (json) {
            o.add("--json");
        }
        if (!deadLetter.isBlank()) {
            o.addAll(java.util.List.of("--dead-letter", deadLetter));
        }
        return o;
    }
}
