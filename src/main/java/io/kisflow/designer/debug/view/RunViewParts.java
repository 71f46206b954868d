package io.kisflow.designer.debug.view;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.util.Subscription;


/** Small pieces the run views share: headings, chips, sentences, number formats, list subscriptions. */
final class RunViewParts {
    private RunViewParts() {
    }

    /** A small grey upper-case heading of a section. */
    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("run-section-title");
        return l;
    }

    /** A rounded label, coloured by {@code styleClass} (run-chip-accent, -warning, -error, -subtle). */
    static Label chip(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("run-chip", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A wrapped explanatory sentence in the subtle colour. */
    static Label sentence(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("run-sentence");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Shows and lays out a node only while it is visible. */
    static <T extends Node> T collapsible(T node) {
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    static String calls(int n) {
        return n + (n == 1 ? " call" : " calls");
    }

    static String millis(double ms) {
        return io.kisflow.designer.debug.Durations.millis(ms);
    }

    /** Runs {@code onChange} on every change of the list, until the subscription is cancelled. */
    static Subscription onChange(ObservableList<?> list, Runnable onChange) {
        ListChangeListener<Object> l = c -> onChange.run();
        list.addListener(l);
        return () -> list.removeListener(l);
    }

    /** Puts text on the system clipboard. */
    static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
