package io.kisflow.designer.ui;

import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * Light and dark looks: a style sheet for the controls and the colours the canvas paints with
 * (the canvas draws pixels itself, so CSS cannot reach it).
 *
 * <pre>{@code Theme.DARK.applyTo(scene);}</pre>
 */
public enum Theme {
    LIGHT("light.css", new Palette(
            Color.web("#f4f5f7"), Color.web("#dde1e7"), Color.web("#ffffff"), Color.web("#eceef2"), Color.web("#f7f7f9"),
            Color.web("#c9ced6"), Color.web("#1f2430"), Color.web("#5d6575"), Color.web("#9aa1ad"),
            Color.web("#2f6fde"), Color.web("#8a93a3"), Color.web("#d93025"), Color.web("#e8a100"),
            Color.web("#1e9e4a"), Color.web("#fff7d6"))),
    DARK("dark.css", new Palette(
            Color.web("#1d2026"), Color.web("#2a2e36"), Color.web("#2c313a"), Color.web("#262a31"), Color.web("#23272e"),
            Color.web("#444b57"), Color.web("#e6e8ec"), Color.web("#a3aab6"), Color.web("#6b7280"),
            Color.web("#5b9bff"), Color.web("#7d8696"), Color.web("#ff6b5e"), Color.web("#f2b53c"),
            Color.web("#3fcf72"), Color.web("#3a3422")));

    /** The canvas colours of a theme. */
    public record Palette(Color background, Color dots, Color card, Color lane, Color laneDisabled,
                          Color stroke, Color text, Color subText, Color faintText,
                          Color accent, Color arrow, Color error, Color warning,
                          Color ok, Color note) {
    }

    private static final PseudoClass DARK_STATE = PseudoClass.getPseudoClass("dark");
    private final String css;
    private final Palette palette;

    Theme(String css, Palette palette) {
        this.css = css;
        this.palette = palette;
    }

    public Palette palette() {
        return palette;
    }

    /**
     * Applies this theme: the style sheets (the shared base, the debugger's panels, both themes'
     * colours) and the root's {@code :dark} pseudo-class, under which the dark sheet's rules apply.
     * Switching themes changes that one state and no style sheet: replacing the sheets made JavaFX
     * drop and restyle the whole scene, most of a 3-second switch ({@code bench.ThemeSwitchBench}).
     */
    public void applyTo(Scene scene) {
        List<String> all = List.of(sheet("designer.css"), sheet("debug-data.css"), sheet("debug-run.css"),
                sheet("code.css"), sheet(LIGHT.css), sheet(DARK.css));
        if (!scene.getStylesheets().equals(all)) {
            scene.getStylesheets().setAll(all);
        }
        applyTo(scene.getRoot());
    }

    /** Sets or clears the {@code :dark} state on the root of a scene (or of a dialog's pane). */
    public void applyTo(Parent root) {
        if (root != null) {
            root.pseudoClassStateChanged(DARK_STATE, this == DARK);
        }
    }

    private static String sheet(String name) {
        return Theme.class.getResource("/io/kisflow/designer/" + name).toExternalForm();
    }

    /** The colour of a function mode on cards and icons. */
    public Color modeColor(String fmode) {
        boolean dark = this == DARK;
        return switch (fmode == null ? "" : fmode) {
            case "Verify" -> Color.web(dark ? "#f0b429" : "#c98a00");
            case "Save" -> Color.web(dark ? "#5b9bff" : "#2f6fde");
            case "Load" -> Color.web(dark ? "#2ec4b6" : "#0f9488");
            case "Calculate" -> Color.web(dark ? "#a78bfa" : "#7b52d3");
            case "Expand" -> Color.web(dark ? "#4ade80" : "#2e8b3e");
            default -> Color.web(dark ? "#9ca3af" : "#7a808c");
        };
    }
}
