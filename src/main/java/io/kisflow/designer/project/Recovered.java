package io.kisflow.designer.project;

import io.kisflow.config.ConfigSet;
import java.time.Instant;

/**
 * Unsaved work found by {@link RecoveryStore#find}: the edited configs and layout, and when they
 * were autosaved.
 *
 * <pre>{@code store.find(dir).ifPresent(r -> ask("Restore work from " + r.savedAt() + "?"));}</pre>
 */
public record Recovered(ConfigSet configs, ProjectLayout layout, Instant savedAt) {
}
