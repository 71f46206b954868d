package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.inspect.CopyFormat;
import io.kisflow.designer.debug.inspect.InspectorModel;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Copies the inspector's selected rows to the clipboard: Ctrl+C as tab-separated cells with a header
 * line (pastes into a spreadsheet), Ctrl+Shift+C as a JSON array; the table's context menu offers both.
 * A selection larger than {@link #MAX_ROWS} is refused with a pointer to Export, which writes any
 * number of rows off the UI thread.
 */
final class InspectorCopy {
    static final int MAX_ROWS = 100_000;
    static final KeyCombination COPY_TSV = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination COPY_JSON = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final InspectorTable table;
    private final InspectorModel model;
    private final InspectorHeader header;

    private InspectorCopy(InspectorTable table, InspectorModel model, InspectorHeader header) {
        this.table = table;
        this.model = model;
        this.header = header;
    }

    static void install(InspectorTable table, InspectorModel model, InspectorHeader header) {
        InspectorCopy copy = new InspectorCopy(table, model, header);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY_JSON.match(e)) {
                copy.copy(CopyFormat.JSON);
                e.consume();
            } else if (COPY_TSV.match(e)) {
                copy.copy(CopyFormat.TSV);
                e.consume();
            }
        });
        MenuItem tsv = new MenuItem("Copy rows (tab-separated)");
        tsv.setId("inspectorCopyTsv");
        tsv.setAccelerator(COPY_TSV);
        tsv.setOnAction(e -> copy.copy(CopyFormat.TSV));
        MenuItem json = new MenuItem("Copy rows as JSON");
        json.setId("inspectorCopyJson");
        json.setAccelerator(COPY_JSON);
        json.setOnAction(e -> copy.copy(CopyFormat.JSON));
        MenuItem all = new MenuItem("Select all rows");
        all.setOnAction(e -> table.getSelectionModel().selectAll());
        ContextMenu menu = new ContextMenu(tsv, json, new SeparatorMenuItem(), all);
        menu.setOnShowing(e -> {
            boolean none = table.getSelectionModel().getSelectedIndices().isEmpty();
            tsv.setDisable(none);
            json.setDisable(none);
        });
        table.setContextMenu(menu);
    }

    private void copy(CopyFormat format) {
        int[] rows = table.selectedViewIndexes();
        if (rows.length == 0) {
            header.report("Select rows to copy first.", false);
            return;
        }
        if (rows.length > MAX_ROWS) {
            header.report("Copy takes at most " + RowsFormat.rows(MAX_ROWS) + "; " + RowsFormat.count(rows.length)
                    + " are selected. Use Export to write them to a file.", true);
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(model.copy(rows, format));
        Clipboard.getSystemClipboard().setContent(content);
        header.report("Copied " + RowsFormat.rows(rows.length) + (format == CopyFormat.JSON ? " as JSON." : " as tab-separated text."), false);
    }
}
