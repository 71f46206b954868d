package io.kisflow.designer.ui;

import io.kisflow.designer.edit.Selection;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The canvas's cached project image (four to six times the view's area) is rendered only when the
 * view moves; frames after a change of content paint what they show directly (issue 8, item 5: the
 * window's first frames rendered the big image several times over while the layout settled).
 */
class CanvasLayerFxTest extends DesignerFxTest {
    @Start
    void start(Stage stage) throws IOException {
        startDesigner(stage);
    }

    @Test
    void theCachedImageIsRenderedWhenTheViewMovesNotWhenTheContentChanges() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0L, renders(), "the window shown with the project: painted directly");

        WaitForAsyncUtils.asyncFx(() -> vm.document.select(Selection.step("StuScore", 0))).get();
        assertEquals(0L, renders(), "a selection is drawn over the layer, the view did not move");

        WaitForAsyncUtils.asyncFx(() -> vm.canvas.panBy(-30, -20)).get();
        assertEquals(1L, renders(), "the first pan renders the image");
        WaitForAsyncUtils.asyncFx(() -> vm.canvas.panBy(-30, -20)).get();
        assertEquals(1L, renders(), "further pans move it");

        WaitForAsyncUtils.asyncFx(() -> vm.themeProperty().set(Theme.DARK)).get();
        assertEquals(1L, renders(), "new content, same view: painted directly");
        WaitForAsyncUtils.asyncFx(() -> vm.canvas.panBy(10, 10)).get();
        assertEquals(2L, renders(), "then the next pan renders the image of the new content");
    }

    /** Paints a frame now and says how many times the image was rendered so far. */
    private long renders() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            window.canvasView().paintNow();
            return window.canvasView().layerRenders();
        }).get();
    }
}
