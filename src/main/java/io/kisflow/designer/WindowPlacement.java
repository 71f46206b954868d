package io.kisflow.designer;

import javafx.geometry.Rectangle2D;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the designer's window was and how large (kept in the designer's settings, so the next start
 * opens it there). On a start with other screens the window is moved and shrunk onto one of them:
 * it never opens off screen or larger than the screen.
 *
 * <pre>{@code WindowPlacement.load(stateDir).ifPresent(p -> p.clampedTo(screens).applyTo(stage));}</pre>
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** Smaller than this is no use: a restored window is at least this large (when the screen is). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    static java.util.Optional<WindowPlacement> load(Path stateDir) {
        Properties p = Settings.properties(stateDir);
        try {
            double w = Double.parseDouble(p.getProperty("window.width", ""));
            double h = Double.parseDouble(p.getProperty("window.height", ""));
            double x = Double.parseDouble(p.getProperty("window.x", ""));
            double y = Double.parseDouble(p.getProperty("window.y", ""));
            if (!(Double.isFinite(w) && Double.isFinite(h) && Double.isFinite(x) && Double.isFinite(y)) || w <= 0 || h <= 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new WindowPlacement(x, y, w, h, Boolean.parseBoolean(p.getProperty("window.maximized"))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // never saved, or edited by hand: the default size applies
        }
    }

    void save(Path stateDir) {
        Settings.update(stateDir, Map.of("window.x", String.valueOf(x), "window.y", String.valueOf(y),
                "window.width", String.valueOf(width), "window.height", String.valueOf(height),
                "window.maximized", String.valueOf(maximized)));
    }

    /**
     * This placement moved onto the screen it overlaps most (the first screen when it overlaps
     * none) and shrunk to fit it.
     */
    WindowPlacement clampedTo(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D best = screens.get(0);
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double a = overlap(s);
            if (a > bestArea) {
                best = s;
                bestArea = a;
            }
        }
        double w = Math.min(Math.max(width, Math.min(MIN_WIDTH, best.getWidth())), best.getWidth());
        double h = Math.min(Math.max(height, Math.min(MIN_HEIGHT, best.getHeight())), best.getHeight());
        double nx = Math.min(Math.max(x, best.getMinX()), best.getMaxX() - w);
        double ny = Math.min(Math.max(y, best.getMinY()), best.getMaxY() - h);
        return new WindowPlacement(nx, ny, w, h, maximized);
    }

    private double overlap(Rectangle2D s) {
        double w = Math.min(x + width, s.getMaxX()) - Math.max(x, s.getMinX());
        double h = Math.min(y + height, s.getMaxY()) - Math.max(y, s.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    static WindowPlacement of(javafx.stage.Stage stage) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    void applyTo(javafx.stage.Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }
}
