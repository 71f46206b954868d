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
    public Recovered {
        code = code == null ? java.util.Map.of() : java.util.Map.copyOf(code);
    }

    /** A copy without function sources (written before the designer kept any). */
    public Recovered(ConfigSet configs, ProjectLayout layout, Instant savedAt) {
        this(configs, layout, savedAt, java.util.Map.of());
    }
}
