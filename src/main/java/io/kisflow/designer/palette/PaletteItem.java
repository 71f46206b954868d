package io.kisflow.designer.palette;

/**
 * One entry of the palette: a function config, a connector, or a function name a plugin implements
 * that no config uses yet (dropping it into a lane creates its config).
 */
public record PaletteItem(Kind kind, String name, String detail) {
    public enum Kind { FUNCTION, CONNECTOR, UNCONFIGURED }

    public boolean isFunctionLike() {
        return kind != Kind.CONNECTOR;
    }
}
