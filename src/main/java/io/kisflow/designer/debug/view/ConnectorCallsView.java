package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.data.RowJson;
import io.kisflow.engine.DryRun;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Call tab's record of what one call asked of its connector in a dry run: for each recorded call
 * the connector (type, address, key), the operation when known and the arguments, that is the rows
 * that would have been written; the first {@value #SHOWN}, then a count.
 *
 * <pre>{@code ConnectorCallsView view = new ConnectorCallsView();  view.show(call.connectorCalls());}</pre>
 */
final class ConnectorCallsView extends VBox {
    static final int SHOWN = 100;
    private static final int ARGS_CHARS = 400;

    private final Label title = RunViewParts.sectionTitle("");
    private final Label note = RunViewParts.sentence("dryCallsNote",
            "Dry run: these calls were recorded instead of performed. Nothing was written and no connector was opened.");
    private final VBox list = new VBox(4);

    ConnectorCallsView() {
        super(4);
        setId("dryCalls");
        title.setId("dryCallsTitle");
        list.setId("dryCallList");
        getChildren().addAll(title, note, list);
    }

    /** Shows the calls; none hides the section. */
    void show(List<DryRun.Call> calls) {
        setVisible(!calls.isEmpty());
        title.setText("CONNECTOR CALLS RECORDED (" + calls.size() + ")");
        List<Region> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, calls.size()); i++) {
            rows.add(row(calls.get(i)));
        }
        if (calls.size() > SHOWN) {
            rows.add(RunViewParts.sentence("dryCallsMore", "… and " + (calls.size() - SHOWN) + " more"));
        }
        list.getChildren().setAll(rows);
    }

    private static VBox row(DryRun.Call c) {
        Label what = new Label(line(c));
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.getStyleClass().add("call-fact");
        Label args = new Label(args(c.args()));
        args.setWrapText(true);
        args.setMinHeight(Region.USE_PREF_SIZE);
        args.getStyleClass().add("dry-call-args");
        VBox box = new VBox(1, what, args);
        box.getStyleClass().add("dry-call");
        return box;
    }

    /** "ScoreStore (redis embedded key stu_avg_score) · Save · 1 row", with the operation when known. */
    static String line(DryRun.Call c) {
        return c.connector() + (c.type().isEmpty() ? "" : " (" + c.type() + ")") + " · " + c.mode()
                + (c.operation().isEmpty() ? "" : " · " + c.operation()) + " · " + RunViewParts.rows(c.rows());
    }

    /** The arguments as compact JSON, cut when long. */
    static String args(Object args) {
        String text = RowJson.compact(args);
        return text.length() <= ARGS_CHARS ? text : text.substring(0, ARGS_CHARS) + "…";
    }

    /** The text of the calls shown, one per line ("what: args"), for tests and copying. */
    List<String> shownLines() {
        List<String> out = new ArrayList<>();
        for (var n : list.getChildren()) {
            if (n instanceof VBox b) {
                out.add(((Label) b.getChildren().get(0)).getText() + ": " + ((Label) b.getChildren().get(1)).getText());
            } else if (n instanceof Label l) {
                out.add(l.getText());
            }
        }
        return out;
    }
}
