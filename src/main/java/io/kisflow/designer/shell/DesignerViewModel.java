package io.kisflow.designer.shell;

import io.kisflow.designer.canvas.CanvasViewModel;
import io.kisflow.designer.code.CodeTabModel;
import io.kisflow.designer.code.CodeWorkspace;
import io.kisflow.designer.debug.DebugOptions;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.document.EditActions;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.files.ProjectSession;
import io.kisflow.designer.document.StatusMessage;
import io.kisflow.designer.palette.PaletteViewModel;
import io.kisflow.designer.debug.DebugSession;
import javafx.collections.ListChangeListener;
import java.util.List;
import java.util.Set;
import io.kisflow.designer.problems.ProblemsViewModel;
import io.kisflow.designer.problems.YamlViewModel;
import io.kisflow.designer.properties.PropertiesViewModel;
import io.kisflow.designer.ui.Theme;
import io.kisflow.engine.ProjectCheck;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All view-models of one designer window, wired to one {@link ProjectDocument}. Tests build one of
 * these without a window; the window builds its views from it.
 *
 * <pre>{@code DesignerViewModel vm = new DesignerViewModel(stateDir); vm.session.open(dir);}</pre>
 */
public final class DesignerViewModel {
    public final ProjectDocument document = new ProjectDocument();
    public final EditActions actions = new EditActions(document);
    public final CanvasViewModel canvas = new CanvasViewModel(document);
    public final PaletteViewModel palette = new PaletteViewModel(document);
    public final PropertiesViewModel properties = new PropertiesViewModel(document);
    public final ProblemsViewModel problems = new ProblemsViewModel(document);
    public final YamlViewModel yaml = new YamlViewModel(document);
    public final ProjectSession session;
    /** Long work the status bar shows with a progress bar (and Cancel); report on it from any thread. */
    public final io.kisflow.designer.status.StatusModel status = new io.kisflow.designer.status.StatusModel(DesignerViewModel::onUiThread);
    /** Open, Save and Export off the UI thread, shown in {@link #status} with progress and Cancel. */
    public final io.kisflow.designer.files.ProjectWork files;
    /** The debugger: runs and steps flows of the open project (its runs report through the JavaFX thread). */
    public final ProjectDebugger debugger;
    /** The project's function sources (functions/*.java), compiled after each pause in typing. */
    public final CodeWorkspace code;
    /** The Code tab: the selected function's or connector's source. */
    public final CodeTabModel codeTab;
    /** The Serve tab: the selected flow's deployment settings, a local serve in a child process, the export. */
    public final io.kisflow.designer.serve.ServeTabModel serve;
    /** The Tests tab: the project's flow test cases (tests/*.json), run off the UI thread, stale after an edit. */
    public final io.kisflow.designer.tests.TestsModel tests;
    private final DebugOptions debugOptions;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final Path stateDir;
    /**
     * Loading the plugins, sorting, filtering and diffing levels for the inspector: daemon threads, so
     * they never keep the JVM alive; started after the window's first paint (FirstPaint).
     */
    private static final java.util.concurrent.Executor DEBUG_WORK = io.kisflow.designer.ui.FirstPaint.after(
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "debugger-work");
                t.setDaemon(true);
                return t;
            }));
    /** Runs of the Tests tab: their own thread, so a long "Run all" never holds up sorting or a diff. */
    private static final java.util.concurrent.Executor TEST_WORK = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flow-tests");
        t.setDaemon(true);
        return t;
    });

    /** Reading and writing project files: one daemon thread, as file work runs one at a time. */
    private static final java.util.concurrent.Executor FILE_WORK = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "project-files");
        t.setDaemon(true);
        return t;
    });

    /** The Serve tab's broker checks and stops (each may wait seconds): daemon threads. */
    private static final java.util.concurrent.Executor SERVE_WORK = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "serve-work");
        t.setDaemon(true);
        return t;
    });

    /** Runs on the UI thread: at once when called there, else later. */
    private static void onUiThread(Runnable r) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            r.run();
        } else {
            javafx.application.Platform.runLater(r);
        }
    }

    /** @param stateDir where recovery copies, recent projects and settings live (~/.kisflow-studio) */
    public DesignerViewModel(Path stateDir) {
        this(stateDir, DebugOptions.defaults());
    }

    /** @param debugOptions how the debugger runs flows (tests add plugins of their own here) */
    public DesignerViewModel(Path stateDir, DebugOptions debugOptions) {
        this.stateDir = stateDir;
        this.session = new ProjectSession(document, stateDir, canvas::stateWithView);
        this.files = new io.kisflow.designer.files.ProjectWork(session, status, FILE_WORK, DesignerViewModel::onUiThread);
        this.debugger = new ProjectDebugger(document, debugOptions, javafx.application.Platform::runLater, DEBUG_WORK, status);
        debugger.setRunHistoryLimits(io.kisflow.designer.debug.RunStoreLimits.load(stateDir));
        this.code = new CodeWorkspace(document, debugger, javafx.application.Platform::runLater, CodeWorkspace.DEFAULT_PAUSE_MILLIS);
        this.codeTab = new CodeTabModel(document, code);
        this.serve = new io.kisflow.designer.serve.ServeTabModel(document, debugger.flowProperty(), javafx.application.Platform::runLater, SERVE_WORK);
        this.debugOptions = debugOptions;
        this.tests = new io.kisflow.designer.tests.TestsModel(document, code::compiled, code::compilePending, this::testEngine,
                TEST_WORK, javafx.application.Platform::runLater);
        properties.codeFilesProperty().set(fname -> CodeTabModel.codeFileOf(document.state(), code.compiled(), fname));
        canvas.markersProperty().bind(problems.markersProperty());
        // the card's tooltip shows the debugger's tags whole (the card shortens a long built-in text)
        canvas.cardTagsProperty().set((flow, index) -> {
            DebugSession s = debugger.session();
            var state = s == null ? null : s.flow(flow);
            return state == null || index >= state.cards().size() ? List.of() : io.kisflow.designer.debug.CardTags.of(state.cards().get(index));
        });
        yaml.setSavedTextSource(session::savedTextOf);
        yaml.setNewFileSource(session::newFileOf);
        problems.revealedFileProperty().addListener((o, a, where) -> {
            if (where != null) {
                yaml.showFile(where);
            }
        });
        session.filesProperty().addListener((o, a, files) -> {
            if (files != null) {
                problems.projectLoaded(files.configs(), files.origins(), files.loadProblems());
            }
        });
        debugger.sessionProperty().addListener((o, a, s) -> followPlugins(s));
        followPlugins(debugger.session());
        session.savesProperty().addListener((o, a, b) -> problems.projectSaved(session.filesProperty().get().origins()));
    }

    /**
     * The palette lists what the debugger's plugins implement: one loading of the plugins serves both,
     * and "Reload plugins" refreshes the palette too.
     */
    private void followPlugins(DebugSession s) {
        if (s == null) {
            return;
        }
        Runnable copy = () -> {
            palette.implementedProperty().set(Set.copyOf(s.implementedFunctions()));
            properties.implementedProperty().set(Set.copyOf(s.implementedFunctions()));
            // the Problems list judges "no code" by the plugins this project loaded, as validate does,
            // with the compiler's findings on the function sources
            io.kisflow.code.ProjectCode sources = code.compiled();
            if (s.loadingPluginsProperty().get()) {
                problems.codeProperty().set(null);   // unknown until the plugins are loaded: no "has no code" meanwhile
                return;
            }
            problems.codeProperty().set(new ProjectCheck.Code(Set.copyOf(s.implementedFunctions()), Set.copyOf(s.implementedConnectors()),
                    "write its code in the Code tab, add its plugin in the Plugins tab (a jar or a class folder), or pin rows for it in the Call tab")
                    .withSources(sources.problems(), sources.uncompiledFunctions(document.state().configs().funcs().keySet())));
        };
        code.compiledProperty().addListener((o, a, b) -> {
            if (debugger.session() == s) {
                copy.run();
            }
        });
        s.implementedFunctions().addListener((ListChangeListener<String>) c -> copy.run());
        s.implementedConnectors().addListener((ListChangeListener<String>) c -> copy.run());
        s.loadingPluginsProperty().addListener((o, was, loading) -> copy.run());
        copy.run();
        palette.loadingPluginsProperty().bind(s.loadingPluginsProperty());
    }

    /**
     * What the Tests tab builds its engine from: the edited configs and the plugins the debugger runs
     * with (samples, extra plugins, the compiled function sources, the project's plugin paths).
     */
    private io.kisflow.designer.tests.TestEngine testEngine() {
        DebugSession s = debugger.session();
        Path dir = document.directory();
        List<Path> paths = new ArrayList<>();
        if (s != null) {
            for (String p : s.pluginPaths()) {
                paths.add(dir == null ? Path.of(p) : dir.resolve(p));
            }
        }
        List<io.kisflow.engine.KisPlugin> plugins = new ArrayList<>(debugOptions.extraPlugins());
        plugins.addAll(code.compiled().plugins());
        // the samples plugin only for a project that names it, as the debugger decides (ProjectDebugger)
        boolean samples = debugOptions.samples() && io.kisflow.designer.debug.LayoutSettings.usesSamples(document.state().layout(), dir);
        return new io.kisflow.designer.tests.TestEngine(document.state().configs(), samples, plugins, paths);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Writes the recovery copy of unsaved work now (on the UI thread); true when there was unsaved work. */
    public boolean saveRecoveryNow() throws java.io.IOException {
        boolean dirty = document.isDirty();
        session.autosave(canvas.stateWithView(), dirty);
        return dirty;
    }

    /** The default state directory: {@code ~/.kisflow-studio}. */
    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".kisflow-studio");
    }
}
