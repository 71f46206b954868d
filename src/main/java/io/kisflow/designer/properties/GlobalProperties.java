package io.kisflow.designer.properties;

import io.kisflow.config.GlobalConfig;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.GlobalEdits;

import java.util.List;

/** The fields of the global config: whether Prometheus metrics are on, served, and where. */
public final class GlobalProperties {
    private final ProjectDocument doc;
    public final FieldModel prometheusEnable;
    public final FieldModel prometheusListen;
    public final FieldModel prometheusServe;

    GlobalProperties(ProjectDocument doc) {
        this.doc = doc;
        prometheusEnable = new FieldModel(doc, "global.prometheus_enable", "Collect metrics (prometheus_enable)",
                () -> String.valueOf(global().prometheusEnable()),
                t -> GlobalEdits.set(new GlobalConfig(Boolean.parseBoolean(t), global().prometheusListen(), global().prometheusServe(), global().extra()),
                        (Boolean.parseBoolean(t) ? "Enable" : "Disable") + " metrics"));
        prometheusListen = new FieldModel(doc, "global.prometheus_listen", "Serve metrics (prometheus_listen)",
                () -> String.valueOf(global().prometheusListen()),
                t -> GlobalEdits.set(new GlobalConfig(global().prometheusEnable(), Boolean.parseBoolean(t), global().prometheusServe(), global().extra()),
                        (Boolean.parseBoolean(t) ? "Serve" : "Stop serving") + " metrics"));
        prometheusServe = new FieldModel(doc, "global.prometheus_serve", "Metrics address (prometheus_serve)",
                () -> global().prometheusServe(),
                t -> GlobalEdits.set(new GlobalConfig(global().prometheusEnable(), global().prometheusListen(),
                        Parse.address(t, "Metrics address"), global().extra()), "Set metrics address"));
    }

    private GlobalConfig global() {
        return doc.state().configs().globalOrDefault();
    }

    /** Whether the project has a global file yet (one is created on save after the first change). */
    public boolean exists() {
        return doc.state().configs().hasGlobal();
    }

    public List<FieldModel> fields() {
        return List.of(prometheusEnable, prometheusListen, prometheusServe);
    }

    void refresh(boolean force) {
        fields().forEach(f -> f.refresh(force));
    }
}
