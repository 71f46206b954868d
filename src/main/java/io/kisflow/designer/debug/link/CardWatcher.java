package io.kisflow.designer.debug.link;

import io.kisflow.designer.debug.CardState;
import io.kisflow.designer.debug.DebugSession;
import io.kisflow.designer.debug.FlowDebugState;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Calls back when anything a card shows changes (status, row count, error, stale mark, badges,
 * breakpoint) or a flow's cards or source level change: the canvas then repaints its debugger
 * overlay. Cards come and go with edits, so {@link #watch} is called again after each; cards already
 * watched are skipped, and forgotten ones are not kept alive.
 *
 * <pre>{@code CardWatcher w = new CardWatcher(canvasView::repaint); w.watch(session, configs.flows().keySet());}</pre>
 */
final class CardWatcher {
    private final InvalidationListener listener;
    private final Set<Object> watched = Collections.newSetFromMap(new WeakHashMap<>());

    CardWatcher(Runnable onChange) {
        this.listener = o -> onChange.run();
    }

    void watch(DebugSession session, Collection<String> flowNames) {
        for (String name : flowNames) {
            FlowDebugState f = session.flow(name);
            if (f == null) {
                continue;
            }
            if (watched.add(f)) {
                observe(f.cards(), f.sourceProperty(), f.shownRunProperty());
                f.cards().addListener((InvalidationListener) o -> watch(session, java.util.List.of(f.name())));
            }
            for (CardState c : f.cards()) {
                if (watched.add(c)) {
                    observe(c.statusProperty(), c.rowCountProperty(), c.errorProperty(), c.staleProperty(),
                            c.codeSourceProperty(), c.breakpointProperty(), c.goNotesProperty());
                }
            }
        }
    }

    private void observe(Observable... things) {
        for (Observable o : things) {
            o.addListener(listener);
        }
    }
}
