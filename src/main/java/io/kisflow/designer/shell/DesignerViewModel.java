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
import java.util.Set;
import io.kisflow.designer.problems.ProblemsViewModel;
import io.kisflow.designer.problems.YamlViewModel;
import io.kisflow.designer.properties.PropertiesViewModel;
import io.kisflow.designer.ui.Theme;
import io.kisflow.engine.ProjectCheck;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

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
    public final io.kisflow.designer.status.StatusModel status = new io.kisflow.designer.status.StatusModel(
            r -> {
                if (javafx.application.Platform.isFxApplicationThread()) {
                    r.run();
                } else {
                    javafx.application.Platform.runLater(r);
                }
            });
    /** The debugger: runs and steps flows of the open project (its runs report through the JavaFX thread). */
    public final ProjectDebugger debugger;
    /** The project's function sources (functions/*.java), compiled after each pause in typing. */
    public final CodeWorkspace code;
    /** The Code tab: the selected function's or connector's source. */
    public final CodeTabModel codeTab;
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

    /** @param stateDir where recovery copies, recent projects and settings live (~/.kisflow-studio) */
    public DesignerViewModel(Path stateDir) {
        this(stateDir, DebugOptions.defaults());
    }

    /** @param debugOptions how the debugger runs flows (tests add plugins of their own here) */
    public DesignerViewModel(Path stateDir, DebugOptions debugOptions) {
        this.stateDir = stateDir;
        this.session = new ProjectSession(document, stateDir, canvas::stateWithView);
        this.debugger = new ProjectDebugger(document, debugOptions, javafx.application.Platform::runLater, DEBUG_WORK);
        this.code = new CodeWorkspace(document, debugger, javafx.application.Platform::runLater, CodeWorkspace.DEFAULT_PAUSE_MILLIS);
        this.codeTab = new CodeTabModel(document, code);
        properties.codeFilesProperty().set(fname -> CodeTabModel.codeFileOf(document.state(), code.compiled(), fname));
        canvas.markersProperty().bind(problems.markersProperty());
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
                    "add its plugin in the Plugins tab (a jar or a class folder), or pin rows for it in the Call tab, or write its code in the Code tab")
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
