package io.kisflow.designer.edit;

import io.kisflow.config.GlobalConfig;

/**
 * Edits of the global config (Prometheus settings). A project without a global file gets one
 * ({@code kis-flow.yml} on save) the first time the user changes a value.
 */
public final class GlobalEdits {
    private GlobalEdits() {
    }

    public static Edit set(GlobalConfig global, String description) {
        return Edit.of(description, s -> s.withConfigs(s.configs().withGlobal(global)), Selection.GLOBAL);
    }
}
