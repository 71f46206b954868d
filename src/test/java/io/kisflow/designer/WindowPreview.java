package io.kisflow.designer;

import io.kisflow.config.ConfigLoader;
import io.kisflow.config.LoadResult;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.files.FileDialogs;
import io.kisflow.designer.project.ProjectLayout;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Development aid: the whole window on a directory (loaded without the project files layer), headless, to PNGs. */
public final class WindowPreview {
    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Platform.startup(() -> {
            try {
                DesignerViewModel vm = new DesignerViewModel(Files.createTempDirectory("state"));
                DesignerWindow w = new DesignerWindow(new Stage(), vm, (o, t, i) -> Optional.empty());
                w.show();
                LoadResult r = ConfigLoader.load(dir);
                DesignState s = new DesignState(r.configs(), ProjectLayout.EMPTY);
                vm.document.open(dir, s, s);
                vm.problems.projectLoaded(r.configs(), r.origins(), r.problems());
                vm.refreshPluginFunctions();
                vm.canvas.showOpened();
                vm.document.select(Selection.step(s.lanes().get(0), 1));
                for (Theme t : Theme.values()) {
                    vm.themeProperty().set(t);
                    w.scene().getRoot().applyCss();
                    w.scene().getRoot().layout();
                    w.canvasView().paintNow();
                    Snapshots.save(w.scene(), Path.of(args[1] + "-" + t.name().toLowerCase() + ".png"));
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
