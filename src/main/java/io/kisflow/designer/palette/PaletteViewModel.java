package io.kisflow.designer.palette;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The palette's logic: the project's function configs (with how many cards use each), its
 * connectors, and the function names that plugins implement but no config uses yet, all filtered
 * by the search text. Selecting an entry selects the object; dragging one onto the canvas is
 * handled by the canvas view-model.
 *
 * <pre>{@code palette.filterProperty().set("score"); palette.functions();}</pre>
 */
public final class PaletteViewModel {
    private final ProjectDocument doc;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Set<String>> implemented = new SimpleObjectProperty<>(this, "implemented", Set.of());
    private final javafx.beans.property.BooleanProperty loadingPlugins = new javafx.beans.property.SimpleBooleanProperty(this, "loadingPlugins");
    private final ObservableList<PaletteItem> functions = FXCollections.observableArrayList();
    private final ObservableList<PaletteItem> connectors = FXCollections.observableArrayList();
    private final ObservableList<PaletteItem> unconfigured = FXCollections.observableArrayList();

    public PaletteViewModel(ProjectDocument doc) {
        this.doc = doc;
        doc.stateProperty().addListener((o, a, b) -> {
            if (a == null || !a.configs().equals(b.configs())) {
                rebuild();
            }
        });
        filter.addListener((o, a, b) -> rebuild());
        implemented.addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        ConfigSet c = doc.state().configs();
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        Map<String, Integer> uses = new HashMap<>();
        for (FlowConfig f : c.flows().values()) {
            f.flows().forEach(step -> uses.merge(step.fname(), 1, Integer::sum));
        }
        List<PaletteItem> fs = new ArrayList<>();
        for (FuncConfig f : c.funcs().values()) {
            if (matches(needle, f.fname())) {
                int n = uses.getOrDefault(f.fname(), 0);
                String detail = f.fmode() + (f.hasConnector() ? " \u2192 " + f.option().cname() : "")
                        + " \u00b7 " + (n == 0 ? "unused" : n == 1 ? "1 card" : n + " cards");
                fs.add(new PaletteItem(PaletteItem.Kind.FUNCTION, f.fname(), detail));
            }
        }
        fs.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        List<PaletteItem> cs = new ArrayList<>();
        for (ConnConfig conn : c.conns().values()) {
            if (matches(needle, conn.cname())) {
                cs.add(new PaletteItem(PaletteItem.Kind.CONNECTOR, conn.cname(), conn.type() + (conn.addrs().isEmpty() ? "" : " \u00b7 " + conn.addrs())));
            }
        }
        cs.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        List<PaletteItem> us = new ArrayList<>();
        for (String name : new TreeSet<>(implemented.get())) {
            if (!c.funcs().containsKey(name) && matches(needle, name)) {
                us.add(new PaletteItem(PaletteItem.Kind.UNCONFIGURED, name, "implemented by a plugin \u00b7 no config yet"));
            }
        }
        setIfChanged(functions, fs);
        setIfChanged(connectors, cs);
        setIfChanged(unconfigured, us);
    }

    private static void setIfChanged(ObservableList<PaletteItem> target, List<PaletteItem> items) {
        if (!target.equals(items)) {
            target.setAll(items);
        }
    }

    private static boolean matches(String needle, String name) {
        return needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Selects the object behind an entry (an unconfigured name has none yet). */
    public void select(PaletteItem item) {
        if (item == null) {
            return;
        }
        switch (item.kind()) {
            case FUNCTION -> doc.select(Selection.function(item.name()));
            case CONNECTOR -> doc.select(Selection.connector(item.name()));
            case UNCONFIGURED -> doc.select(Selection.NONE);
        }
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Function names the project's plugins implement (the engine's {@code implementedFunctions()}). */
    public ObjectProperty<Set<String>> implementedProperty() {
        return implemented;
    }

    /** True while the project's plugins are still loading (the list of plugin functions is not known yet). */
    public javafx.beans.property.BooleanProperty loadingPluginsProperty() {
        return loadingPlugins;
    }

    public ObservableList<PaletteItem> functions() {
        return functions;
    }

    public ObservableList<PaletteItem> connectors() {
        return connectors;
    }

    public ObservableList<PaletteItem> unconfigured() {
        return unconfigured;
    }
}
