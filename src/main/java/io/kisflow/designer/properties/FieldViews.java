package io.kisflow.designer.properties;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Controls bound to {@link FieldModel}s and {@link ParamsModel}s: a label, the control, and the
 * refusal message under it. The message line keeps its height whether empty or not, and the control
 * is marked with ControlsFX's validation decoration (an icon over its corner, the message on hover):
 * an error appearing never moves the fields below, so the next click lands where it was aimed. Node ids are the YAML paths with dots as dashes
 * ({@code #func-option-retry_times}), so tests and CSS can find each field.
 */
final class FieldViews {
    private FieldViews() {
    }

    static String nodeId(String fieldId) {
        return fieldId.replace('.', '-');
    }

    static VBox text(FieldModel f) {
        TextField tf = new TextField();
        tf.setId(nodeId(f.id()));
        tf.textProperty().bindBidirectional(f.textProperty());
        tf.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                f.focusGained();
            } else {
                f.focusLost();
            }
        });
        // a filter, so Enter and Escape reach the model before the text field's own key handling, which may consume them
        tf.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                f.enter();
            } else if (e.getCode() == KeyCode.ESCAPE && f.escape()) {
                e.consume();
            }
        });
        return wrap(f, tf);
    }

    /** A combo box; {@code editable} ones also take typed values (connector types), "" shows as {@code emptyText}. */
    static VBox choice(FieldModel f, boolean editable, String emptyText) {
        ComboBox<String> cb = new ComboBox<>(f.options());
        cb.setEditable(editable);
        return choice(f, cb, emptyText);
    }

    /**
     * A pick from a list that grows with the project (connectors): ControlsFX's SearchableComboBox,
     * whose popup filters the list as the user types, so a project with two hundred connectors is
     * not a scroll hunt.
     */
    static VBox searchableChoice(FieldModel f, String emptyText) {
        // ControlsFX #1320: items changed in place (a connector removed before the chosen one) reach
        // the combo box's selection before its inner filtered list, which then reads past its end
        // (IndexOutOfBoundsException). It gets a copy instead, updated with care (see choice).
        var cb = new org.controlsfx.control.SearchableComboBox<String>(FXCollections.observableArrayList(f.options()));
        return choice(f, cb, emptyText);
    }

    private static VBox choice(FieldModel f, ComboBox<String> cb, String emptyText) {
        cb.setId(nodeId(f.id()));
        cb.setMaxWidth(Double.MAX_VALUE);
        cb.setButtonCell(new Cell(emptyText));
        cb.setCellFactory(l -> new Cell(emptyText));
        cb.setValue(f.text());
        boolean[] updating = {false};
        f.textProperty().addListener((o, a, b) -> {
            if (!updating[0] && !b.equals(cb.getValue())) {
                updating[0] = true;
                cb.setValue(b);
                updating[0] = false;
            }
        });
        ChangeListener<String> toModel = (o, a, b) -> {
            if (!updating[0] && b != null && !b.equals(f.text())) {
                updating[0] = true;
                f.focusGained();
                f.setText(b);
                f.focusLost();
                updating[0] = false;
            }
        };
        cb.valueProperty().addListener(toModel);
        if (cb.getItems() != f.options()) {
            // a copy of the options (searchable pickers): emptied of its choice before it changes,
            // so no index past the new end is looked up, the field's value put back after, and
            // nothing this does to the box reaches the project
            f.options().addListener((ListChangeListener<String>) c -> {
                updating[0] = true;
                try {
                    cb.setValue(null);
                    cb.getItems().setAll(f.options());
                    cb.setValue(f.text());
                } finally {
                    updating[0] = false;
                }
            });
        }
        return wrap(f, cb);
    }

    static VBox check(FieldModel f, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(nodeId(f.id()));
        box.setSelected(Boolean.parseBoolean(f.text()));
        f.textProperty().addListener((o, a, b) -> box.setSelected(Boolean.parseBoolean(b)));
        box.selectedProperty().addListener((o, a, b) -> {
            if (b != Boolean.parseBoolean(f.text())) {
                f.setText(String.valueOf(b));
            }
        });
        VBox v = new VBox(2, box, error(f.errorProperty(), f.id()));
        v.getStyleClass().add("field");
        return v;
    }

    private static VBox wrap(FieldModel f, javafx.scene.control.Control control) {
        f.errorProperty().addListener((o, a, e) -> {
            control.getStyleClass().remove("invalid");
            if (!e.isEmpty()) {
                control.getStyleClass().add("invalid");
            }
        });
        io.kisflow.designer.ui.ValidationMark.decorate(control, f.messageProperty(), f.messageIsWarningProperty());
        Label label = new Label(f.label());
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        Label message = error(f.messageProperty(), f.id());
        // a warning (the value is accepted, think twice) looks like one, not like a refusal
        Runnable kind = () -> message.pseudoClassStateChanged(WARNING, f.messageIsWarningProperty().get());
        f.messageIsWarningProperty().addListener((o, a, b) -> kind.run());
        kind.run();
        VBox v = new VBox(3, label, control, message);
        v.getStyleClass().add("field");
        return v;
    }

    /** The message line's state while it shows a warning ({@code .field-error:warning} in the CSS). */
    static final javafx.css.PseudoClass WARNING = javafx.css.PseudoClass.getPseudoClass("warning");

    /**
     * The message line: always one line high (a longer message ends in "…" and shows whole on hover),
     * so nothing below it moves when a message comes or goes.
     */
    private static Label error(javafx.beans.value.ObservableStringValue message, String id) {
        Label error = new Label();
        error.setId(nodeId(id) + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(false);
        error.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        error.textProperty().bind(message);
        error.setMinHeight(ERROR_LINE);
        error.setPrefHeight(ERROR_LINE);
        error.setMaxHeight(ERROR_LINE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(message);
        message.addListener((o, a, b) -> error.setTooltip(b.isEmpty() ? null : whole));
        return error;
    }

    /** The height kept for a field's message line (one line of the 12 px error font). */
    static final double ERROR_LINE = 16;

    /** A key/value table with add and remove buttons. */
    static VBox params(ParamsModel p) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setId(nodeId(p.id()));
        ColumnConstraints key = new ColumnConstraints();
        key.setPercentWidth(42);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(key, value, new ColumnConstraints());
        Runnable rebuild = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < p.rows().size(); i++) {
                ParamsModel.Row row = p.rows().get(i);
                TextField k = paramField(p, row, false);
                keyCommits(p, row, k);
                TextField v = paramField(p, row, true);
                int index = i;
                Button remove = new Button("\u2715");
                remove.getStyleClass().add("remove-button");
                remove.setTooltip(new Tooltip("Remove this param"));
                remove.setOnAction(e -> p.removeRow(index));
                grid.addRow(i, k, v, remove);
            }
        };
        p.rows().addListener((javafx.collections.ListChangeListener<ParamsModel.Row>) c -> rebuild.run());
        rebuild.run();
        Button add = new Button("Add param");
        add.setId(nodeId(p.id()) + "-add");
        add.getStyleClass().add("small-button");
        add.setOnAction(e -> {
            p.addRow();
            if (!grid.getChildren().isEmpty()) {
                grid.getChildren().get(grid.getChildren().size() - 3).requestFocus();
            }
        });
        Label label = new Label(p.label());
        label.getStyleClass().add("field-label");
        Label empty = new Label("none");
        empty.getStyleClass().add("field-hint");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(p.rows()));
        empty.managedProperty().bind(empty.visibleProperty());
        VBox v = new VBox(3, label, empty, grid, new HBox(add), error(p.errorProperty(), p.id()));
        v.getStyleClass().add("field");
        return v;
    }

    private static TextField paramField(ParamsModel p, ParamsModel.Row row, boolean valueField) {
        TextField tf = new TextField();
        tf.setPromptText(valueField ? "value" : "key");
        tf.textProperty().bindBidirectional(valueField ? row.value() : row.key());
        tf.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                p.focusGained(row, valueField);
            } else {
                p.focusLost(row, valueField);
            }
        });
        return tf;
    }

    /** A key reaches the project on Enter or when the focus leaves it; Escape restores the project's key. */
    private static void keyCommits(ParamsModel p, ParamsModel.Row row, TextField key) {
        key.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                p.commitKey(row);
            }
        });
        key.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                p.commitKey(row);
            } else if (e.getCode() == KeyCode.ESCAPE && p.escapeKey(row)) {
                e.consume();
            }
        });
    }

    /** Shows "" as the given text (for "no connector"). */
    private static final class Cell extends ListCell<String> {
        private final String emptyText;

        Cell(String emptyText) {
            this.emptyText = emptyText;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? emptyText : item);
        }
    }
}
