package io.kisflow.designer.properties;

import io.kisflow.config.ConnConfig;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.ConnectorEdits;
import io.kisflow.designer.edit.Edit;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fields of a connector: name, storage type, addresses, key, params; and, read-only, the
 * functions that bind it (the {@code load}/{@code save} lists are written from those).
 */
public final class ConnectorProperties {
    private final ProjectDocument doc;
    private final Supplier<String> subject;
    public final FieldModel name;
    public final FieldModel type;
    public final FieldModel addrs;
    public final FieldModel key;
    public final ParamsModel params;

    ConnectorProperties(ProjectDocument doc, Supplier<String> subject) {
        this.doc = doc;
        this.subject = subject;
        name = FieldModel.committedOnEnter(doc, "conn.cname", "Name (cname)", () -> conn() == null ? null : conn().cname(),
                t -> ConnectorEdits.rename(subject.get(), t));
        type = field("conn.type", "Type", ConnConfig::type,
                t -> ConnectorEdits.update(subject.get(), "Set type of " + subject.get(), c -> c.withType(t.strip())));
        type.setOptions(ConnConfig.TYPES);
        addrs = field("conn.addrs", "Addresses (addrs)", ConnConfig::addrs,
                t -> ConnectorEdits.update(subject.get(), "Set addresses of " + subject.get(), c -> c.withAddrs(t)));
        key = field("conn.key", "Key", ConnConfig::key,
                t -> ConnectorEdits.update(subject.get(), "Set key of " + subject.get(), c -> c.withKey(t)));
        params = new ParamsModel(doc, "conn.params", "Params", () -> conn() == null ? null : conn().params(),
                m -> ConnectorEdits.update(subject.get(), "Set params of " + subject.get(), c -> c.withParams(m)));
    }

    private FieldModel field(String id, String label, Function<ConnConfig, String> get, Function<String, Edit> write) {
        return new FieldModel(doc, id, label, () -> conn() == null ? null : get.apply(conn()), write);
    }

    public ConnConfig conn() {
        String n = subject.get();
        return n == null ? null : doc.state().configs().conn(n);
    }

    /** "Load: A, B" / "Save: C" lines from the current bindings. */
    public String bindingsText() {
        ConnConfig c = conn();
        if (c == null) {
            return "";
        }
        List<String> load = doc.state().configs().boundFunctions(c.cname(), "Load");
        List<String> save = doc.state().configs().boundFunctions(c.cname(), "Save");
        return "Load: " + (load.isEmpty() ? "none" : String.join(", ", load)) + "\nSave: " + (save.isEmpty() ? "none" : String.join(", ", save));
    }

    public List<FieldModel> fields() {
        return List.of(name, type, addrs, key);
    }

    void refresh(boolean force) {
        fields().forEach(f -> f.refresh(force));
        params.refresh(force);
    }
}
