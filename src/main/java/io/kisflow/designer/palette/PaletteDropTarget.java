package io.kisflow.designer.palette;

/**
 * Where palette entries are dropped (the canvas). The palette owns this interface so that the
 * canvas depends on the palette and never the reverse (ArchitectureTest: no cycles among the
 * designer's packages). Coordinates are the pointer's, in the scene.
 */
public interface PaletteDropTarget {
    /** The pointer drags {@code item} at this scene point: show where it would land (or nothing when outside). */
    void paletteDragOver(PaletteItem item, double sceneX, double sceneY);

    /** The pointer was released at this scene point: insert or bind {@code item} there when inside, else just end the drag. */
    void paletteDrop(PaletteItem item, double sceneX, double sceneY);
}
