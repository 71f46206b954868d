package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.CardKey;
import io.kisflow.designer.debug.FlowDebugState;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.Optional;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PNG pictures of every run view with realistic content (the student-score sample run twice, a
 * failing function, a printing one, pinned rows), light and dark, in target/debug-run-snapshots/:
 * look at them after changing anything visible.
 * They only draw pictures for a person to look at, so they run in the screenshots profile, not in
 * {@code mvn test}: {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class RunViewsSnapshotTest {
    private RunViewsFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void run(String flow) {
        assertTrue(fx(() -> fixture.session.run(flow)), flow);
        fixture.await(SessionState.FINISHED, SessionState.FAILED, SessionState.STOPPED);
    }

    @Test
    void everyViewLightAndDark() {
        // two runs of StuScore: the second with a fifth student and one student fixed
        run("StuScore");
        fxRun(() -> {
            var input = fixture.session.flow("StuScore").input();
            input.textProperty().set(input.textProperty().get().replace("\"score_2\": 140", "\"score_2\": 94")
                    + "\n{\"stu_id\": 105, \"score_1\": 71, \"score_2\": 64, \"score_3\": 90}\n");
        });
        run("StuScore");
        run("Print");
        run("Fail");
        fxRun(() -> {
            var pins = fixture.session.pins("Rank");
            pins.textProperty().set("{\"stu_id\": 104, \"rank\": 1}\n{\"stu_id\": 101, \"rank\": 2}\n{\"stu_id\": 102, \"rank\": 3}");
            pins.pinnedProperty().set(true);
        });
        run("Draft");
        run("RetryPoll");

        RunPanel runPanel = fx(() -> new RunPanel(fixture.session, (o, i) -> Optional.empty()));
        Stage runStage = fx(() -> {
            runPanel.showFlow("StuScore");
            return RunViewsFixture.show(runPanel, 1000, 280, Theme.LIGHT);
        });
        // show the StuScore run finishing as the last thing the session said
        run("StuScore");
        RunViewsFixture.snapshot(runStage, "run-panel");
        assertTrue(fx(() -> runPanel.controls().step()));
        fixture.await(SessionState.PAUSED);
        assertTrue(fx(() -> runPanel.controls().step()));
        RunViewsFixture.until("paused before #2", () -> fixture.session.messageProperty().get().startsWith("Paused before #2"));
        RunViewsFixture.snapshot(runStage, "run-panel-paused");
        fxRun(() -> runPanel.controls().stop());
        fixture.await(SessionState.STOPPED);
        fxRun(() -> fixture.session.flow("StuScore").input().textProperty().set("{\"stu_id\": 101, \"score_1\": 90}\n{\"stu_id\": 102,, \"score_1\": 60}\n"));
        fxRun(() -> runPanel.controls().run());
        RunViewsFixture.snapshot(runStage, "run-panel-refused");
        fxRun(() -> {
            runPanel.showFlow("Print");
            fixture.session.flow("Print").input().textProperty().set("");
        });
        RunViewsFixture.snapshot(runStage, "run-panel-empty");
        fxRun(runStage::close);

        CallDetailsView call = fx(() -> new CallDetailsView(fixture.session));
        Stage callStage = fx(() -> RunViewsFixture.show(call, 320, 760, Theme.LIGHT));
        fxRun(() -> call.showCard(fixture.session.card(new CardKey("StuScore", 0))));
        RunViewsFixture.snapshot(callStage, "call-verify");
        fxRun(() -> call.showCard(fixture.session.card(new CardKey("Print", 0))));
        RunViewsFixture.snapshot(callStage, "call-log");
        fxRun(() -> {
            call.showCard(fixture.session.card(new CardKey("Fail", 1)));
            call.lookup("#callTraceExpander");
            ((javafx.scene.control.TitledPane) call.lookup("#callTraceExpander")).setExpanded(true);
        });
        RunViewsFixture.snapshot(callStage, "call-error");
        fxRun(() -> call.showCard(fixture.session.card(new CardKey("Draft", 1))));
        RunViewsFixture.snapshot(callStage, "call-pinned");
        fxRun(() -> call.showCard(fixture.session.card(new CardKey("RetryPoll", 0))));
        RunViewsFixture.snapshot(callStage, "call-loop");
        fxRun(() -> call.showCard(fixture.session.card(new CardKey("Fail", 2))));
        RunViewsFixture.snapshot(callStage, "call-not-run");
        fxRun(callStage::close);

        HistoryView history = fx(() -> new HistoryView(fixture.session));
        Stage historyStage = fx(() -> RunViewsFixture.show(history, 1000, 280, Theme.LIGHT));
        fxRun(() -> {
            history.showFlow("StuScore");
            FlowDebugState f = fixture.session.flow("StuScore");
            history.runsTable().getSelectionModel().select(f.history().runs().get(f.history().runs().size() - 1));
            history.compareSelected();
        });
        RunViewsFixture.snapshot(historyStage, "history");
        fxRun(historyStage::close);

        TimingsView timings = fx(() -> new TimingsView(fixture.session));
        Stage timingsStage = fx(() -> RunViewsFixture.show(timings, 1000, 280, Theme.LIGHT));
        fxRun(() -> timings.showFlow("RetryPoll"));
        RunViewsFixture.snapshot(timingsStage, "timings");
        fxRun(timingsStage::close);

        PluginsView plugins = fx(() -> new PluginsView(fixture.session, PluginsChooser.SYSTEM));
        Stage pluginsStage = fx(() -> RunViewsFixture.show(plugins, 320, 760, Theme.LIGHT));
        fxRun(plugins::reload);
        RunViewsFixture.snapshot(pluginsStage, "plugins");
        fxRun(pluginsStage::close);

        assertTrue(Files.exists(RunViewsFixture.SNAPSHOTS.resolve("plugins-dark.png")));
    }
}
