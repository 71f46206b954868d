package io.kisflow.designer.shell;

import io.kisflow.designer.canvas.CanvasView;
import io.kisflow.designer.debug.view.CanvasDebugOverlay;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.palette.PaletteItem;
import io.kisflow.designer.palette.PaletteView;
import io.kisflow.designer.problems.ProblemsView;
import io.kisflow.designer.problems.YamlView;
import io.kisflow.designer.properties.PropertiesView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import org.fxmisc.richtext.GenericStyledArea;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The designer window: menus, palette (left), canvas (centre), properties (right), problems and
 * YAML (bottom), status line. The bottom and right areas are tab panes so that the debugger can
 * add its run panel and data inspector beside them ({@link #bottomTabs()}, {@link #sideTabs()}).
 *
 * <pre>{@code DesignerWindow w = new DesignerWindow(stage, vm, FileDialogs.SYSTEM); w.show(); w.files().openProject(dir);}</pre>
 */
public final class DesignerWindow implements ActionCatalog.Window {
    private static final Duration AUTOSAVE_EVERY = Duration.seconds(4);

    private final Stage stage;
    private final DesignerViewModel vm;
    private final FileCommands files;
    private final CanvasView canvasView;
    private final CanvasPane canvasPane;
    private final PaletteView paletteView;
    private final TabPane bottomTabs = new TabPane();
    private final TabPane sideTabs = new TabPane();
    private final List<DesignerAction> actions;
    private final Scene scene;
    private final Timeline autosave;
    private final ExecutorService autosaveThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "designer-autosave");
        t.setDaemon(true);
        return t;
    });
    private boolean keyInProgress;
    private final WorkNotices notices;

    public DesignerWindow(Stage stage, DesignerViewModel vm, FileDialogs dialogs) {
        this.stage = stage;
        this.vm = vm;
        this.notices = new WorkNotices(() -> stage);
        this.files = new FileCommands(vm, dialogs, () -> stage, notices);
        canvasView = new CanvasView(vm.canvas);
        canvasView.themeProperty().bind(vm.themeProperty());
        canvasView.setOnDoubleClick(vm.properties::requestRename);
        canvasPane = new CanvasPane(canvasView);
        paletteView = new PaletteView(vm.palette, vm.document, canvasView, this::activatePaletteItem,
                vm.actions::newFlow, vm.actions::newFunction, vm.actions::newConnector);
        actions = ActionCatalog.build(vm, this);
        canvasView.contextMenuItems().addAll(contextMenu());
        canvasView.addOverlay(new CanvasDebugOverlay(vm.debugger::session, canvasView.themeProperty()::get));
        vm.debugger.changesProperty().addListener((o, a, b) -> canvasView.repaint());

        sideTabs.setId("sideTabs");
        sideTabs.getTabs().add(tab("Properties", "propertiesTab", new PropertiesView(vm.properties)));
        bottomTabs.setId("bottomTabs");
        Tab problemsTab = tab("Problems", "problemsTab", new ProblemsView(vm.problems));
        problemsTab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Problems (" + vm.problems.errorsProperty().get() + " errors, " + vm.problems.warningsProperty().get() + " warnings)",
                vm.problems.errorsProperty(), vm.problems.warningsProperty()));
        // built when first shown: the Code tab's editor (RichTextFX, about 700 classes) and the YAML
        // text area were a third of the first frame's styling and class loading (docs/PERFORMANCE.md)
        Tab yamlTab = lazyTab("YAML", "yamlTab", () -> new YamlView(vm.yaml));
        Tab codeTab = lazyTab("Code", "codeTab", () -> new io.kisflow.designer.code.CodeView(vm.codeTab));
        bottomTabs.getTabs().addAll(problemsTab, yamlTab, codeTab);
        DebuggerTabs.install(vm.debugger, bottomTabs, sideTabs, this::showTab);
        bottomTabs.getTabs().add(serveTab());
        bottomTabs.getTabs().add(testsTab());
        notices.watchRuns(vm.debugger.sessionProperty(), stage::isFocused, () -> bottomTabs.getTabs().stream()
                .anyMatch(t -> "runTab".equals(t.getId()) && t.isSelected()));
        vm.problems.revealedFileProperty().addListener((o, a, where) -> {
            if (where != null) {
                bottomTabs.getSelectionModel().select(yamlTab);
            }
        });

        SplitPane middle = new SplitPane(canvasPane, bottomTabs);
        middle.setOrientation(javafx.geometry.Orientation.VERTICAL);
        middle.setDividerPositions(0.62);
        SplitPane main = new SplitPane(paletteView, middle, sideTabs);
        main.setDividerPositions(0.18, 0.77);
        SplitPane.setResizableWithParent(paletteView, false);
        SplitPane.setResizableWithParent(sideTabs, false);

        BorderPane root = new BorderPane(main);
        root.setTop(menuBar());
        root.setBottom(new StatusBar(vm));
        root.getStyleClass().add("designer");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        vm.themeProperty().addListener((o, a, t) -> t.applyTo(scene));
        vm.themeProperty().get().applyTo(scene);
        installKeys();
        stage.setScene(scene);
        stage.titleProperty().bind(vm.document.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!files.settleUnsaved("closing")) {
                e.consume();
            } else {
                shutdown();
            }
        });
        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> autosaveInBackground()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    public void show() {
        stage.show();
        canvasView.requestFocus();
    }

    /** The notices shown for finished long work, newest last. */
    public javafx.collections.ObservableList<String> notices() {
        return notices.shown();
    }

    /** The tabs under the canvas (Problems, YAML; the debugger adds Run and Inspector). */
    public TabPane bottomTabs() {
        return bottomTabs;
    }

    /** The tabs right of the canvas (Properties). */
    public TabPane sideTabs() {
        return sideTabs;
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public DesignerViewModel viewModel() {
        return vm;
    }

    public FileCommands files() {
        return files;
    }

    public CanvasView canvasView() {
        return canvasView;
    }

    public List<DesignerAction> actions() {
        return actions;
    }

    /** The Serve tab, its view made when first shown (the window opens without it). */
    private Tab serveTab() {
        Tab t = tab("Serve", "serveTab", null);
        t.selectedProperty().addListener((o, was, now) -> {
            if (now && t.getContent() == null) {
                t.setContent(new io.kisflow.designer.serve.ServeView(vm.serve, () -> stage));
            }
        });
        return t;
    }

    static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    /**
     * A tab whose view is made the first time the tab is selected, and kept: views read their
     * view-model's current state when made, so one made late shows what one made early would.
     */
    static Tab lazyTab(String title, String id, java.util.function.Supplier<Node> view) {
        Tab t = tab(title, id, null);
        Runnable build = () -> {
            if (t.getContent() == null) {
                t.setContent(view.get());
            }
        };
        t.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                // views are made on the JavaFX thread, also when a caller (a test) selects the tab from another
                if (Platform.isFxApplicationThread()) {
                    build.run();
                } else {
                    Platform.runLater(build);
                }
            }
        });
        if (t.isSelected()) {
            build.run();
        }
        return t;
    }

    // ---- menus and keys -------------------------------------------------------------------------

    private MenuBar menuBar() {
        Map<String, Menu> menus = new LinkedHashMap<>();
        for (DesignerAction a : actions) {
            if (!a.inMenu()) {
                continue;
            }
            Menu menu = menus.computeIfAbsent(a.menu(), Menu::new);
            MenuItem item = new MenuItem(a.label());
            item.setId("menu-" + a.id().replace('.', '-'));
            item.setAccelerator(a.key());
            item.setOnAction(e -> runFromMenuOrKey(a));
            menu.getItems().add(item);
            if (a.id().equals("file.export")) {
                menu.getItems().add(recentMenu());
                menu.getItems().add(new SeparatorMenuItem());
            }
        }
        menus.get("Edit").setOnShowing(e -> {
            String undo = vm.document.history().undoDescriptionProperty().get();
            String redo = vm.document.history().redoDescriptionProperty().get();
            menus.get("Edit").getItems().get(0).setText(undo.isEmpty() ? "Undo" : "Undo " + undo);
            menus.get("Edit").getItems().get(1).setText(redo.isEmpty() ? "Redo" : "Redo " + redo);
        });
        menus.get("Edit").getItems().get(0).disableProperty().bind(vm.document.history().canUndoProperty().not());
        menus.get("Edit").getItems().get(1).disableProperty().bind(vm.document.history().canRedoProperty().not());
        MenuBar bar = new MenuBar(menus.values().toArray(Menu[]::new));
        bar.setId("menuBar");
        return bar;
    }

    /** The canvas's right-click menu: the actions that act on what was clicked. */
    private List<MenuItem> contextMenu() {
        List<MenuItem> items = new ArrayList<>();
        for (String id : List.of("run.breakpoint", "run.toHere", "run.inspect", "run.inspectInput", "run.compare", "run.pin", "-",
                "edit.rename", "edit.duplicate", "edit.copy", "edit.paste", "edit.delete", "-",
                "insert.insertFunction", "insert.bind", "insert.toggle", "-", "insert.flow", "insert.function", "insert.connector")) {
            if (id.equals("-")) {
                items.add(new SeparatorMenuItem());
                continue;
            }
            DesignerAction a = actions.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            MenuItem item = new MenuItem(a.label());
            item.setId("context-" + id.replace('.', '-'));
            item.setAccelerator(a.key());
            item.setOnAction(e -> a.run().run());
            items.add(item);
        }
        return items;
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open recent");
        recent.setId("menu-file-recent");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path p : vm.session.recentProjects()) {
                MenuItem item = new MenuItem(p.toString());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> files.openRecent(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.session.recentProjects().addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        return recent;
    }

    /**
     * Keys: global actions (Save, Undo...) run wherever the focus is, ahead of text fields; the
     * others (Delete, arrows, Ctrl+C...) belong to a text field when one has the focus, and to the
     * focused list in the palette (arrows move in the list); on the canvas they act at once, ahead
     * of JavaFX's focus traversal. Elsewhere the menus' accelerators run them.
     */
    private void installKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            keyInProgress = true;
            Platform.runLater(() -> keyInProgress = false);
            for (DesignerAction a : actions) {
                if (a.key() != null && a.key().match(e) && !ownedByTheCodeEditor(a)
                        && (a.global() || !typingFocus() && (!a.inMenu() || canvasView.isFocused()))) {
                    a.run().run();
                    e.consume();
                    return;
                }
            }
        });
    }

    private void runFromMenuOrKey(DesignerAction a) {
        if (keyInProgress && (!a.global() && typingFocus() || ownedByTheCodeEditor(a))) {
            return;
        }
        a.run().run();
    }

    private boolean typingFocus() {
        Node focus = scene.getFocusOwner();
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?> || n instanceof GenericStyledArea<?, ?, ?>) {
                return true;
            }
        }
        return false;
    }

    /**
     * Undo, redo and find keys typed in the Code tab belong to the editor (it keeps its own undo of
     * the text); taken by the window they undid a designer edit instead, or nothing at all.
     */
    private boolean ownedByTheCodeEditor(DesignerAction a) {
        if (!CODE_EDITOR_KEYS.contains(a.id())) {
            return false;
        }
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n instanceof GenericStyledArea<?, ?, ?>) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> CODE_EDITOR_KEYS = java.util.Set.of("edit.undo", "edit.redo", "edit.redo2", "edit.find", "edit.findNext");

    // ---- window services for the actions --------------------------------------------------------

    @Override
    public void showHelp() {
        HelpDialog.create(stage, actions).showAndWait();
    }

    @Override
    public void showAbout() {
        AboutDialog.create(stage).showAndWait();
    }

    @Override
    public void focusFind() {
        canvasPane.focusFind();
    }

    @Override
    public void findNext() {
        vm.canvas.findNext();
    }

    @Override
    public void focusPaletteSearch() {
        paletteView.searchField().requestFocus();
        paletteView.searchField().selectAll();
    }

    @Override
    public void insertFunctionDialog() {
        List<String> names = new ArrayList<>(vm.document.state().configs().funcs().keySet());
        names.sort(String::compareToIgnoreCase);
        if (names.isEmpty()) {
            vm.document.tell(StatusMessage.refused("The project has no function configs yet: create one first (Ctrl+Alt+N)."));
            return;
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(names.get(0), names);
        d.initOwner(stage);
        d.setTitle("Insert function");
        d.setHeaderText("Insert a card after the selected card (or at the end of the selected lane)");
        d.setContentText("Function:");
        d.showAndWait().ifPresent(vm.actions::insertFunction);
    }

    @Override
    public void bindConnectorDialog() {
        String fname = vm.actions.selectedFunction();
        if (fname == null) {
            vm.document.tell(StatusMessage.refused("Select a Save or Load card first."));
            return;
        }
        List<String> names = new ArrayList<>();
        names.add("(none)");
        names.addAll(vm.document.state().configs().conns().keySet());
        String current = vm.document.state().configs().func(fname) == null ? "" : vm.document.state().configs().func(fname).option().cname();
        ChoiceDialog<String> d = new ChoiceDialog<>(current.isEmpty() ? "(none)" : current, names);
        d.initOwner(stage);
        d.setTitle("Bind connector");
        d.setHeaderText("Connector for " + fname);
        d.setContentText("Connector:");
        d.showAndWait().ifPresent(c -> vm.actions.bindConnector(c.equals("(none)") ? "" : c));
    }

    @Override
    public void quit() {
        if (files.settleUnsaved("quitting")) {
            shutdown();
            stage.close();
        }
    }

    private void activatePaletteItem(PaletteItem item) {
        if (item.kind() == PaletteItem.Kind.CONNECTOR) {
            vm.actions.bindConnector(item.name());
        } else if (item.kind() == PaletteItem.Kind.FUNCTION) {
            vm.actions.insertFunction(item.name());
        } else {
            vm.document.tell(StatusMessage.info("Drag " + item.name() + " into a lane to create its config and card."));
        }
    }

    // ---- autosave -------------------------------------------------------------------------------

    private void autosaveInBackground() {
        var state = vm.canvas.stateWithView();
        boolean dirty = vm.document.isDirty();
        long settled = vm.session.settledCount();
        autosaveThread.execute(() -> {
            try {
                vm.session.autosave(state, dirty, settled);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> vm.document.tell(StatusMessage.error("Autosave failed: " + e.getMessage())));
            }
        });
    }

    /** Writes the recovery copy now (tests; and before risky operations). */
    public void autosaveNow() throws IOException {
        vm.saveRecoveryNow();
    }

    /** Stops the autosave timer and any debugger run (the window is closing). */
    public void shutdown() {
        autosave.stop();
        autosaveThread.shutdown();
        vm.debugger.close();
        vm.serve.close();
    }

    @Override
    public javafx.stage.Window owner() {
        return stage();
    }

    /** The Tests tab: its title counts the failed and stale cases, so they show while another tab is in front. */
    private Tab testsTab() {
        var model = vm.tests;
        // its table is built when the tab is first shown (the first frame has no use for it)
        Tab t = lazyTab("Tests", "testsTab", () -> new io.kisflow.designer.tests.TestsView(model,
                () -> vm.debugger.session() == null ? null : vm.debugger.session().diff(), () -> showTab("diffTab"), this::saveRunAsTest));
        Runnable title = () -> {
            long failed = model.cases().stream().filter(c -> c.status() == io.kisflow.designer.tests.TestStatus.FAILED).count();
            long stale = model.cases().stream().filter(c -> c.status() == io.kisflow.designer.tests.TestStatus.STALE).count();
            t.setText("Tests" + (failed + stale == 0 ? "" : " (" + (failed > 0 ? failed + " failed" : "")
                    + (failed > 0 && stale > 0 ? ", " : "") + (stale > 0 ? stale + " stale" : "") + ")"));
        };
        // a status changes inside a row: listen to each row's status, and to the list for rows that come and go
        javafx.beans.value.ChangeListener<Object> onStatus = (o, a, b) -> title.run();
        model.cases().addListener((ListChangeListener<io.kisflow.designer.tests.TestCaseRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> r.statusProperty().addListener(onStatus));
                c.getRemoved().forEach(r -> r.statusProperty().removeListener(onStatus));
            }
            title.run();
        });
        model.cases().forEach(r -> r.statusProperty().addListener(onStatus));
        return t;
    }

    /**
     * "Save run as test" for the selected flow's shown (or last) run: the dialog, then the case as an
     * undoable edit; what keeps it from being saved goes to the status line.
     */
    @Override
    public void saveRunAsTest() {
        io.kisflow.designer.tests.SaveRunAsTestModel m;
        try {
            m = io.kisflow.designer.tests.SaveRunAsTestModel.forFlow(vm.document, vm.debugger.session(), vm.debugger.flowProperty().get());
        } catch (IllegalStateException e) {
            vm.document.tell(StatusMessage.refused(e.getMessage()));
            return;
        }
        var dialog = new io.kisflow.designer.tests.SaveRunAsTestDialog(stage, m);
        if (dialog.showAndWait().filter(b -> b == io.kisflow.designer.tests.SaveRunAsTestDialog.SAVE).isEmpty()) {
            return;
        }
        try {
            if (m.save()) {
                showTab("testsTab");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            vm.document.tell(StatusMessage.refused("the run cannot be saved as a test: " + e.getMessage()));
        }
    }

    @Override
    public void showTab(String id) {
        for (TabPane pane : List.of(bottomTabs, sideTabs)) {
            for (Tab t : pane.getTabs()) {
                if (id.equals(t.getId())) {
                    pane.getSelectionModel().select(t);
                    return;
                }
            }
        }
    }

}
