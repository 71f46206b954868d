package io.kisflow.designer.shell;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.debug.view.CallDetailsView;
import io.kisflow.designer.debug.view.DiffView;
import io.kisflow.designer.debug.view.HistoryView;
import io.kisflow.designer.debug.view.InputFileChooser;
import io.kisflow.designer.debug.view.InspectorExportChooser;
import io.kisflow.designer.debug.view.InspectorView;
import io.kisflow.designer.debug.view.PluginsChooser;
import io.kisflow.designer.debug.view.PluginsView;
import io.kisflow.designer.debug.view.RunPanel;
import io.kisflow.designer.debug.view.TimingsView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The debugger's tabs in the window: Run, Inspector, Diff, History and Timings under the canvas;
 * Call and Plugins beside Properties. Each open project has its own debug session, so the views are
 * made again for each session (a view binds to one session), when their tab is shown; before a
 * project is open the tabs say so. The run panel, history and timings follow the selected lane's flow, the Call tab the selected
 * card.
 *
 * <pre>{@code DebuggerTabs.install(vm.debugger, window.bottomTabs(), window.sideTabs(), window::showTab);}</pre>
 */
final class DebuggerTabs {
    private DebuggerTabs() {
    }

    static void install(ProjectDebugger debugger, TabPane bottom, TabPane side, Consumer<String> showTab) {
        bottom.getTabs().add(sessionTab(debugger, "Run", "runTab", s -> {
            RunPanel p = new RunPanel(s, InputFileChooser.SYSTEM);
            follow(debugger, p::showFlow);
            return p;
        }));
        bottom.getTabs().add(sessionTab(debugger, "Inspector", "inspectorTab",
                s -> new InspectorView(s.inspector(), InspectorExportChooser.system())));
        bottom.getTabs().add(sessionTab(debugger, "Diff", "diffTab", s -> new DiffView(s.diff())));
        bottom.getTabs().add(sessionTab(debugger, "History", "historyTab", s -> {
            HistoryView h = new HistoryView(s);
            h.setOnCompareLevel(() -> showTab.accept("diffTab"));
            follow(debugger, h::showFlow);
            return h;
        }));
        bottom.getTabs().add(sessionTab(debugger, "Timings", "timingsTab", s -> {
            TimingsView t = new TimingsView(s);
            follow(debugger, t::showFlow);
            return t;
        }));
        side.getTabs().add(sessionTab(debugger, "Call", "callTab", s -> {
            CallDetailsView c = new CallDetailsView(s);
            Runnable show = () -> {
                if (debugger.session() == s) {
                    c.showCard(debugger.selectedCard());
                }
            };
            whileSession(debugger, s, debugger.cardProperty(), show);
            // A rename or an edit makes new card states: show the one now at the selected place.
            whileSession(debugger, s, debugger.changesProperty(), () -> {
                if (c.card() != debugger.selectedCard()) {
                    show.run();
                }
            });
            show.run();
            return c;
        }));
        side.getTabs().add(sessionTab(debugger, "Plugins", "pluginsTab", s -> new PluginsView(s, PluginsChooser.SYSTEM, debugger.status())));
        showFailures(debugger, showTab);
    }

    /**
     * When a run fails, the card that failed is selected and the Call tab comes forward: the error's
     * message is there and its stack trace one click away.
     */
    private static void showFailures(ProjectDebugger debugger, Consumer<String> showTab) {
        debugger.sessionProperty().subscribe(s -> {
            if (s != null) {
                whileSession(debugger, s, s.stateProperty(), () -> {
                    if (s.state() == io.kisflow.designer.debug.SessionState.FAILED && debugger.selectFailedCard()) {
                        showTab.accept("callTab");
                    }
                });
            }
        });
    }

    /** Calls {@code show} with the debugger's flow now and whenever it changes, while this session lasts. */
    private static void follow(ProjectDebugger debugger, Consumer<String> show) {
        whileSession(debugger, debugger.session(), debugger.flowProperty(), () -> show.accept(debugger.flowProperty().get()));
        show.accept(debugger.flowProperty().get());
    }

    /**
     * Runs {@code action} on each change of {@code source} until the debugger moves to another
     * session; then the listener goes, so the views of a closed project are not kept alive.
     */
    private static void whileSession(ProjectDebugger debugger, DebugSession own, javafx.beans.Observable source, Runnable action) {
        javafx.beans.InvalidationListener onChange = o -> {
            if (o instanceof javafx.beans.value.ObservableValue<?> v) {
                v.getValue();   // an invalidation listener hears the next change only after the value is read
            }
            if (debugger.session() == own) {
                action.run();
            }
        };
        source.addListener(onChange);
        debugger.sessionProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (debugger.session() != own) {
                    source.removeListener(onChange);
                    debugger.sessionProperty().removeListener(this);
                }
            }
        });
    }

    /**
     * A tab whose content is made from the current session when the tab is first shown, and made
     * again when the session changes (at once when the tab is in front, else when it is next shown).
     * Views of tabs nobody looked at are never built: the window opens faster, and a closed project's
     * session is not kept alive by a hidden view.
     */
    private static Tab sessionTab(ProjectDebugger debugger, String title, String id, Function<DebugSession, Node> view) {
        Tab tab = DesignerWindow.tab(title, id, noProject());
        DebugSession[] shown = {null};
        Runnable refresh = () -> {
            DebugSession s = debugger.session();
            if (s == shown[0] && (s != null || tab.getContent() != null)) {
                return;
            }
            shown[0] = s;
            tab.setContent(s == null ? noProject() : view.apply(s));
        };
        debugger.sessionProperty().addListener((o, a, s) -> {
            if (tab.isSelected()) {
                refresh.run();
            } else {
                shown[0] = null;
                tab.setContent(null);   // made again when next shown
            }
        });
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                // views are made on the JavaFX thread, also when a caller (a test) selects the tab from another
                if (javafx.application.Platform.isFxApplicationThread()) {
                    refresh.run();
                } else {
                    javafx.application.Platform.runLater(refresh);
                }
            }
        });
        if (tab.isSelected()) {
            refresh.run();
        } else {
            tab.setContent(null);
        }
        return tab;
    }

    private static Node noProject() {
        Label l = new Label("Open a project to run and inspect its flows.");
        l.getStyleClass().add("empty-hint");
        return l;
    }
}
