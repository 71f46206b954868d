package io.kisflow.designer.properties;

import io.kisflow.config.FlowConfig;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.FlowEdits;

import java.util.List;
import java.util.function.Supplier;

/** The fields of a flow: its name and status (1 runs it; anything else disables it). */
public final class FlowProperties {
    private final ProjectDocument doc;
    private final Supplier<String> subject;
    public final FieldModel name;
    public final FieldModel status;

    FlowProperties(ProjectDocument doc, Supplier<String> subject) {
        this.doc = doc;
        this.subject = subject;
        name = FieldModel.committedOnEnter(doc, "flow.flow_name", "Name (flow_name)", () -> flow() == null ? null : flow().flowName(),
                t -> FlowEdits.rename(subject.get(), t));
        status = new FieldModel(doc, "flow.status", "Status (1 enabled, 0 disabled)", () -> flow() == null ? null : String.valueOf(flow().status()),
                t -> FlowEdits.setStatus(subject.get(), Parse.integer(t, "Status")));
        status.setOptions(List.of("1", "0"));
    }

    public FlowConfig flow() {
        String n = subject.get();
        return n == null ? null : doc.state().configs().flow(n);
    }

    public List<FieldModel> fields() {
        return List.of(name, status);
    }

    void refresh(boolean force) {
        fields().forEach(f -> f.refresh(force));
    }
}
