package io.kisflow.designer.debug.view;

import io.kisflow.engine.GoDifference;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The Call tab's "Where a Go server differs" section: one sentence per point of the call where a Go
 * KisFlow server would have done something else (with Go semantics on: where the call did as Go
 * does and the Java engine would not), headed by its kind. Hidden when there is none.
 *
 * <pre>{@code GoNotesView notes = new GoNotesView();  notes.show(call.goNotes());}</pre>
 */
final class GoNotesView extends VBox {
    private final Label title = RunViewParts.sectionTitle("WHERE A GO SERVER DIFFERS");
    private final VBox lines = new VBox(4);

    GoNotesView() {
        super(4);
        setId("callGoNotes");
        getStyleClass().add("call-go-notes");
        getChildren().addAll(title, lines);
        RunViewParts.collapsible(this);
    }

    void show(List<GoDifference> notes) {
        lines.getChildren().clear();
        for (GoDifference d : notes) {
            Label l = new Label(d.kind().label() + ": " + d.words());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("call-go-note");
            lines.getChildren().add(l);
        }
        setVisible(!notes.isEmpty());
    }

    /** The sentences shown, in order. */
    List<String> texts() {
        return lines.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
