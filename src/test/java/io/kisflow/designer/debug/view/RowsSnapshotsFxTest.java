package io.kisflow.designer.debug.view;

import io.kisflow.designer.Snapshots;
import io.kisflow.designer.debug.data.LevelData;
import io.kisflow.designer.debug.diff.DiffModel;
import io.kisflow.designer.debug.inspect.InspectorModel;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import static io.kisflow.designer.debug.view.RowsFxSupport.averages;
import static io.kisflow.designer.debug.view.RowsFxSupport.settle;
import static io.kisflow.designer.debug.view.RowsFxSupport.student;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PNGs of the data views with the quick start's student scores, in both themes, at the size of the
 * designer's bottom panel: target/debug-data/*.png. Look at them after changing the views or styles.
 * They only draw pictures for a person to look at, so they run in the screenshots profile, not in
 * {@code mvn test}: {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class RowsSnapshotsFxTest {
    static final Path OUT = Path.of("target", "debug-data");
    private final ExecutorService background = RowsFxSupport.background();
    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
        background.shutdownNow();
    }

    /** 30 students with scores that look like a class's: some above 100 (VerifyStu drops those). */
    static List<Object> classOf30() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(student(101 + i, 55 + (i * 37) % 46, 60 + (i * 53) % 41, 50 + (i * 29) % 51));
        }
        return rows;
    }

    private Stage stage(Parent view, Theme theme) {
        Stage stage = new Stage();
        stages.add(stage);
        RowsFxSupport.show(stage, view, theme);
        return stage;
    }

    private static Path shot(Stage stage, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = OUT.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            Snapshots.save(stage.getScene(), file);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(file) > 5_000, file + " holds a picture");
        return file;
    }

    @Test
    void inspector(FxRobot robot) throws IOException {
        for (Theme theme : Theme.values()) {
            String suffix = theme.name().toLowerCase(Locale.ROOT);
            InspectorModel model = new InspectorModel(Platform::runLater, background);
            InspectorView[] view = new InspectorView[1];
            Stage[] stage = new Stage[1];
            robot.interact(() -> {
                view[0] = new InspectorView(model, (o, n, f) -> Optional.empty());
                stage[0] = stage(view[0], theme);
            });
            shot(stage[0], "inspector-empty-" + suffix + ".png");

            robot.interact(() -> {
                model.show(LevelData.of("StuScore", "AvgStuScore", 1, averages(classOf30())));
                model.sortBy("avg_score", false);
            });
            settle(() -> !model.computingProperty().get());
            robot.interact(() -> {
                view[0].showRawJson(true);
                view[0].table().getSelectionModel().select(2);
                view[0].table().requestFocus();
            });
            shot(stage[0], "inspector-" + suffix + ".png");

            robot.interact(() -> {
                model.clearSort();
                model.show(new LevelData("StuScore", "AvgStuScore", 1,
                        List.of(new RowsFxSupport.StuAvgScore(101, 84.0), new RowsFxSupport.StuAvgScore(102, 70.0)), true));
                view[0].showRawJson(false);
            });
            // a selection while the keyboard is elsewhere (the unfocused selection colour)
            robot.interact(() -> {
                view[0].table().getSelectionModel().select(1);
                view[0].focusFilter();
            });
            settle(() -> !model.computingProperty().get());
            shot(stage[0], "inspector-pinned-" + suffix + ".png");

            List<Object> lines = new ArrayList<>();
            for (Object o : averages(classOf30())) {
                RowsFxSupport.StuAvgScore s = (RowsFxSupport.StuAvgScore) o;
                lines.add(String.format(Locale.ROOT, "stuid: [%d], avg score: [%.2f]", s.stu_id(), s.avg_score()));
            }
            robot.interact(() -> {
                model.show(LevelData.of("StuScore", "PrintStuAvgScore", 2, lines));
                model.filterProperty().set("avg score: [7");
            });
            settle(() -> !model.computingProperty().get());
            shot(stage[0], "inspector-strings-" + suffix + ".png");
        }
    }

    @Test
    void diff(FxRobot robot) throws IOException {
        for (Theme theme : Theme.values()) {
            String suffix = theme.name().toLowerCase(Locale.ROOT);
            DiffModel model = new DiffModel(Platform::runLater, background);
            Stage[] stage = new Stage[1];
            robot.interact(() -> stage[0] = stage(new DiffView(model), theme));
            shot(stage[0], "diff-empty-" + suffix + ".png");

            List<Object> first = classOf30().subList(0, 7);
            List<Object> second = new ArrayList<>(first);
            second.remove(4);
            @SuppressWarnings("unchecked")
            Map<String, Object> edited = new java.util.LinkedHashMap<>((Map<String, Object>) second.get(1));
            edited.put("score_2", 99);
            second.set(1, edited);
            second.add(student(140, 88, 91, 79));
            robot.interact(() -> {
                model.keyColumnProperty().set("stu_id");
                model.compare(LevelData.of("StuScore", "AvgStuScore", 1, averages(first)),
                        LevelData.of("StuScore", "AvgStuScore", 1, averages(second)));
            });
            settle(() -> !model.computingProperty().get() && model.resultProperty().get() != null);
            shot(stage[0], "diff-runs-" + suffix + ".png");

            List<Object> source = classOf30().subList(0, 10);
            List<Object> kept = new ArrayList<>(source);
            kept.remove(3);
            kept.remove(6);
            robot.interact(() -> {
                model.compare(LevelData.source("StuScore", source), LevelData.of("StuScore", "VerifyStu", 0, kept));
            });
            settle(() -> !model.computingProperty().get() && model.resultProperty().get() != null);
            shot(stage[0], "diff-input-output-" + suffix + ".png");
        }
    }
}
