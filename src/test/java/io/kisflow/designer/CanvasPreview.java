package io.kisflow.designer;

import io.kisflow.designer.canvas.CanvasView;
import io.kisflow.designer.canvas.CanvasViewModel;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Development aid: paints the fixture project on the canvas, headless, to a PNG. */
public final class CanvasPreview {
    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                ProjectDocument doc = new ProjectDocument();
                doc.open(Path.of("/tmp/p"), Fixtures.state(), Fixtures.state());
                CanvasViewModel vm = new CanvasViewModel(doc);
                CanvasView view = new CanvasView(vm);
                for (Theme t : Theme.values()) {
                    view.themeProperty().set(t);
                    Scene scene = new Scene(new StackPane(view), 1400, 560);
                    t.applyTo(scene);
                    doc.select(Selection.step("SaveScores", 1));
                    view.applyCss();
                    view.layout();
                    view.paintNow();
                    Snapshots.save(scene, Path.of(args[0] + "-" + t.name().toLowerCase() + ".png"));
                    scene.setRoot(new StackPane());
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }
}
