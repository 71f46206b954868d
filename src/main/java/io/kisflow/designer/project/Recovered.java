package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;
import java.time.Instant;

/**
 * Unsaved work found by {@link RecoveryStore#find}: the edited configs and layout, and when they
 * were autosaved.
 *
 * <pre>{@code store.find(dir).ifPresent(r -> ask("Restore work from " + r.savedAt() + "?"));}</pre>
 */
public record Recovered(ConfigSet configs, ProjectLayout layout, Instant savedAt, java.util.Map<String, String> code) {
    /**
     * @param code the function sources as typed; null for a copy that does not know them (written
     *             before the designer kept sources): restoring it keeps the files' sources, never
     *             deletes them
     */
    public Recovered {
        code = code == null ? null : java.util.Map.copyOf(code);
    }

    /** A copy without function sources (written before the designer kept any). */
    public Recovered(ConfigSet configs, ProjectLayout layout, Instant savedAt) {
        this(configs, layout, savedAt, null);
    }
}
