package io.kisflow.designer.shell;

import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.link.ProjectDebugger;
import io.kisflow.designer.debug.view.DiffView;
import io.kisflow.designer.debug.view.InspectorView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.function.Function;

/**
 * The debugger's tabs in the window: Inspector and Diff under the canvas. Each open project has its
 * own debug session, so the tabs' views are made again for each session (a view binds to one
 * session's models); before a project is open they say so.
 *
 * <pre>{@code DebuggerTabs.install(vm.debugger, window.bottomTabs(), window.sideTabs());}</pre>
 */
final class DebuggerTabs {
    private DebuggerTabs() {
    }

    static void install(ProjectDebugger debugger, TabPane bottom, TabPane side) {
        bottom.getTabs().add(sessionTab(debugger, "Inspector", "inspectorTab", s -> new InspectorView(s.inspector())));
        bottom.getTabs().add(sessionTab(debugger, "Diff", "diffTab", s -> new DiffView(s.diff())));
    }

    /** A tab whose content is made from the current session, and made again when the session changes. */
    private static Tab sessionTab(ProjectDebugger debugger, String title, String id, Function<DebugSession, Node> view) {
        Tab tab = DesignerWindow.tab(title, id, noProject());
        debugger.sessionProperty().addListener((o, a, s) -> tab.setContent(s == null ? noProject() : view.apply(s)));
        if (debugger.session() != null) {
            tab.setContent(view.apply(debugger.session()));
        }
        return tab;
    }

    private static Node noProject() {
        Label l = new Label("Open a project to run and inspect its flows.");
        l.getStyleClass().add("empty-hint");
        return l;
    }
}
