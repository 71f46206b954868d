package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.DebugSession;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The "Plugins" side tab: the project's plugin jars and class folders (Add jar…, Add folder…,
 * Remove), "Reload plugins" to pick up a rebuilt jar without restarting, the functions and
 * connectors the plugins (and the built-in samples) implement, and, in the warning colour, what the
 * project uses that no plugin implements.
 *
 * <pre>{@code PluginsView plugins = new PluginsView(session, PluginsChooser.SYSTEM);
 * sideTabs.getTabs().add(new Tab("Plugins", plugins));}</pre>
 */
public final class PluginsView extends VBox {
    private static final double ROW = 24;

    private final DebugSession session;
    private final PluginsChooser chooser;
    private final ObservableList<String> paths = FXCollections.observableArrayList();
    private final ListView<String> pathList = new ListView<>(paths);
    private final Button reload = new Button("Reload plugins");
    private final Label result = new Label();
    private final io.kisflow.designer.status.StatusModel status;
    private final Label functionsTitle = RunViewParts.sectionTitle("");
    private final Label connectorsTitle = RunViewParts.sectionTitle("");
    private final Label missingTitle = RunViewParts.sectionTitle("");
    private final ListView<String> missing;
    private final Label allImplemented = RunViewParts.sentence("pluginsAllImplemented",
            "Every function and connector the project uses has code.");

    public PluginsView(DebugSession session, PluginsChooser chooser) {
        this(session, chooser, null);
    }

    /** @param status where a reload shows its progress and Cancel (the window's status bar); null reloads on the UI thread */
    public PluginsView(DebugSession session, PluginsChooser chooser, io.kisflow.designer.status.StatusModel status) {
        this.status = status;
        this.session = session;
        this.chooser = chooser;
        setId("pluginsView");
        getStyleClass().add("plugins-view");
        setSpacing(6);
        setPadding(new Insets(10));

        Label about = RunViewParts.sentence("pluginsAbout", "Jars or class folders with KisPlugin classes (listed in"
                + " META-INF/services/io.kisflow.engine.KisPlugin). The built-in samples are always loaded.");
        pathList.setId("pluginPaths");
        pathList.getStyleClass().add("plugins-paths");
        pathList.setPlaceholder(placeholder("No plugin paths yet: add the jar or class folder your build makes."));
        fixedRows(pathList, 4);
        Button addJar = small("pluginsAddJar", "Add jar…", "Add a plugin jar to the project", () -> add(chooser::chooseJar));
        Button addFolder = small("pluginsAddFolder", "Add folder…", "Add a folder of compiled plugin classes",
                () -> add(chooser::chooseFolder));
        Button remove = small("pluginsRemove", "Remove", "Remove the selected path from the project's plugins", this::removeSelected);
        remove.disableProperty().bind(pathList.getSelectionModel().selectedItemProperty().isNull());
        HBox pathButtons = new HBox(4, addJar, addFolder, remove);

        reload.setId("pluginsReload");
        reload.getStyleClass().add("plugins-reload");
        reload.setMaxWidth(Double.MAX_VALUE);
        reload.setTooltip(new Tooltip("Load the plugins again (after rebuilding a jar), without restarting the designer"));
        reload.setOnAction(e -> reload());
        reload.disableProperty().bind(session.canRunProperty().not());
        result.setId("pluginsResult");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        RunViewParts.collapsible(result).visibleProperty().bind(result.textProperty().isNotEmpty());

        ListView<String> functions = list("pluginFunctions", session.implementedFunctions(), "No plugin implements a function.");
        VBox.setVgrow(functions, Priority.ALWAYS);
        ListView<String> connectors = list("pluginConnectors", session.implementedConnectors(), "No plugin implements a connector.");
        fixedRows(connectors, 3);
        missing = list("pluginMissing", session.missingImplementations(), "");
        missing.getStyleClass().add("plugins-missing");
        missing.setCellFactory(l -> new WarningCell());
        missing.setFixedCellSize(-1);   // sentences wrap
        missing.setPrefHeight(5 * ROW + 4);
        missing.setMinHeight(3 * ROW + 4);
        RunViewParts.collapsible(missing);
        RunViewParts.collapsible(allImplemented);

        getChildren().addAll(RunViewParts.sectionTitle("PLUGIN JARS AND FOLDERS"), about, pathList, pathButtons,
                reload, result, functionsTitle, functions, connectorsTitle, connectors, missingTitle, missing, allImplemented);
        RunViewParts.onChange(session.implementedFunctions(), this::showCounts);
        RunViewParts.onChange(session.implementedConnectors(), this::showCounts);
        RunViewParts.onChange(session.missingImplementations(), this::showCounts);
        refreshPaths();
        showCounts();
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(260);
        l.getStyleClass().add("run-sentence");
        return l;
    }

    private static void fixedRows(ListView<?> list, int rows) {
        list.setFixedCellSize(ROW);
        list.setPrefHeight(rows * ROW + 4);
        list.setMinHeight(rows * ROW + 4);
    }

    private static Button small(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small-button");
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static ListView<String> list(String id, ObservableList<String> items, String empty) {
        ListView<String> l = new ListView<>(items);
        l.setId(id);
        l.getStyleClass().add("plugins-list");
        l.setPlaceholder(placeholder(empty));
        l.setFixedCellSize(ROW);
        l.setPrefHeight(6 * ROW + 4);
        l.setMinHeight(3 * ROW + 4);
        return l;
    }

    private void showCounts() {
        functionsTitle.setText("FUNCTIONS WITH CODE (" + session.implementedFunctions().size() + ")");
        connectorsTitle.setText("CONNECTORS WITH CODE (" + session.implementedConnectors().size() + ")");
        int m = session.missingImplementations().size();
        missingTitle.setText(m == 0 ? "MISSING CODE" : "MISSING CODE (" + m + ")");
        missing.setVisible(m > 0);
        allImplemented.setVisible(m == 0);
    }

    private void refreshPaths() {
        paths.setAll(session.pluginPaths());
    }

    private void add(BiFunction<Window, Path, Optional<Path>> choose) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        choose.apply(owner, session.projectDir()).ifPresent(p -> {
            List<String> next = PluginsPaths.add(session.pluginPaths(), session.projectDir(), p);
            session.setPluginPaths(next);
            refreshPaths();
            pathList.getSelectionModel().select(PluginsPaths.written(session.projectDir(), p));
            showLoadResult("Added " + PluginsPaths.written(session.projectDir(), p));
        });
    }

    private void removeSelected() {
        String selected = pathList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            session.setPluginPaths(PluginsPaths.remove(session.pluginPaths(), selected));
            refreshPaths();
            showLoadResult("Removed " + selected);
        }
    }

    /** What a change of the plugin list did: the code now loaded, or why the plugins could not be loaded. */
    private void showLoadResult(String what) {
        String failure = session.missingImplementations().stream().filter(m -> m.startsWith("plugins could not be loaded"))
                .findFirst().orElse(null);
        show(failure == null ? what + ": " + counts() : what + ", but the " + failure, failure == null);
    }

    private String counts() {
        int f = session.implementedFunctions().size();
        int c = session.implementedConnectors().size();
        return f + (f == 1 ? " function" : " functions") + " and " + c + (c == 1 ? " connector" : " connectors") + " have code";
    }

    /**
     * Reloads the plugins (a rebuilt jar is picked up without restarting) and shows the result: how
     * many functions and connectors have code, or why the plugins could not be loaded. With a status
     * bar it runs off the UI thread (progress and Cancel there) and the result is shown when it ends:
     * true then says it started; without one, whether the plugins loaded.
     */
    public boolean reload() {
        if (status != null) {
            // off the UI thread; a second press while it runs is refused by the session, in words
            session.reloadPlugins(status).thenAccept(ok -> show(ok ? "Plugins reloaded: " + counts() : session.messageProperty().get(), ok));
            return true;
        }
        boolean ok = session.reloadPlugins();
        show(ok ? "Plugins reloaded: " + counts() : session.messageProperty().get(), ok);
        return ok;
    }

    private void show(String text, boolean ok) {
        result.setText(text);
        result.getStyleClass().removeAll("run-error-text", "plugins-ok");
        result.getStyleClass().add(ok ? "plugins-ok" : "run-error-text");
    }

    /** The result of the last reload or path change. */
    public Label resultLabel() {
        return result;
    }

    ListView<String> pathList() {
        return pathList;
    }

    /** A missing implementation, in the warning colour. */
    private static final class WarningCell extends ListCell<String> {
        WarningCell() {
            getStyleClass().add("plugins-missing-cell");
        }

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label text = new Label(s);
            text.setWrapText(true);
            text.getStyleClass().add("plugins-missing-text");
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            text.setMinHeight(Region.USE_PREF_SIZE);
            setGraphic(text);
        }
    }
}
