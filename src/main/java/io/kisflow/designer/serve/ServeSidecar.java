package io.kisflow.designer.serve;

import io.kisflow.designer.project.ProjectLayout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the flows' {@link DeploymentSettings} in the project's sidecar layout
 * ({@code .kisflow-studio.json}), under the key {@value #KEY}:
 * {@code "serveSettings": {"Orders": {"kafka": "10.0.0.5:9092", "topic": "orders", ..., "commitIntervalMs": 0}}}. A flow
 * whose settings are the defaults is not listed. A value of the wrong type reads as that field's
 * default, so a hand-edited sidecar never stops the tab. edit.Layouts renames flows in it.
 *
 * <pre>{@code DeploymentSettings s = ServeSidecar.read(doc.state().layout(), "Orders");
 * ProjectLayout changed = ServeSidecar.write(layout, "Orders", s.withThreads(3));}</pre>
 */
public final class ServeSidecar {
    /** The sidecar key (edit.Layouts knows it too, for renames). */
    public static final String KEY = "serveSettings";

    private ServeSidecar() {
    }

    /** The flow's settings, its defaults where the sidecar says nothing usable. */
    public static DeploymentSettings read(ProjectLayout layout, String flow) {
        DeploymentSettings d = DeploymentSettings.defaults(flow);
        if (!(layout.extra().get(KEY) instanceof Map<?, ?> all) || !(all.get(flow) instanceof Map<?, ?> m)) {
            return d;
        }
        return new DeploymentSettings(text(m, "kafka", d.kafka()), text(m, "topic", d.topic()), text(m, "group", d.group()),
                (int) whole(m, "threads", 1, d.threads()), (int) whole(m, "batchSize", 1, d.batchSize()),
                (int) whole(m, "batchWaitMs", 1, d.batchWaitMs()), whole(m, "commitIntervalMs", 0, d.commitIntervalMs()),
                m.get("json") instanceof Boolean b ? b : d.json(), m.get("deadLetter") instanceof String s ? s.trim() : d.deadLetter());
    }

    /** {@code base} with the flow's settings (or none, when they are the defaults); everything else kept. */
    public static ProjectLayout write(ProjectLayout base, String flow, DeploymentSettings s) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (base.extra().get(KEY) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> all.put(String.valueOf(k), v));
        }
        if (s.equals(DeploymentSettings.defaults(flow))) {
            all.remove(flow);
        } else {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kafka", s.kafka());
            entry.put("topic", s.topic());
            entry.put("group", s.group());
            entry.put("threads", s.threads());
            entry.put("batchSize", s.batchSize());
            entry.put("batchWaitMs", s.batchWaitMs());
            entry.put("commitIntervalMs", s.commitIntervalMs());
            entry.put("json", s.json());
            entry.put("deadLetter", s.deadLetter());
            all.put(flow, entry);
        }
        Map<String, Object> extra = new LinkedHashMap<>(base.extra());
        if (all.isEmpty()) {
            extra.remove(KEY);
        } else {
            extra.put(KEY, all);
        }
        return base.withExtra(extra);
    }

    private static String text(Map<?, ?> m, String key, String fallback) {
        return m.get(key) instanceof String s && !s.isBlank() ? s.trim() : fallback;
    }

    /** A whole number from {@code min} up to Integer.MAX_VALUE, else the fallback (a hand edit gone wrong). */
    private static long whole(Map<?, ?> m, String key, long min, long fallback) {
        return m.get(key) instanceof Number n && n.longValue() == n.doubleValue() && n.longValue() >= min && n.longValue() <= Integer.MAX_VALUE
                ? n.longValue() : fallback;
    }
}
