package io.kisflow.designer.debug.view;

import io.kisflow.designer.debug.FunctionTiming;
import io.kisflow.designer.debug.SessionState;
import io.kisflow.designer.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.kisflow.designer.debug.view.RunViewsFixture.fx;
import static io.kisflow.designer.debug.view.RunViewsFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Timings tab: every function of the chain with its calls, in chain order, and the metrics line. */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class TimingsViewFxTest {
    private RunViewsFixture fixture;
    private TimingsView view;

    @Start
    void start(Stage stage) {
        fixture = new RunViewsFixture();
        view = new TimingsView(fixture.session);
        stage.setScene(new Scene(view, 1000, 280));
        Theme.LIGHT.applyTo(stage.getScene());
        stage.show();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyFunctionOfTheChainIsTimedInChainOrder(FxRobot robot) {
        fxRun(() -> view.showFlow("RetryPoll"));
        assertTrue(fx(() -> ((Label) view.table().getPlaceholder()).getText()).startsWith("RetryPoll has no finished run to time yet"));
        assertTrue(fx(() -> fixture.session.run("RetryPoll")));
        fixture.await(SessionState.FINISHED);

        List<FunctionTiming> rows = fx(() -> List.copyOf(view.table().getItems()));
        assertEquals(List.of("Attempt", "CheckDone", "GuardStop", "Emit"), rows.stream().map(FunctionTiming::function).toList());
        assertEquals(List.of(3, 3, 1, 1), rows.stream().map(FunctionTiming::calls).toList());
        String title = fx(() -> robot.from(view).lookup(".run-section-title").queryAs(Label.class).getText());
        assertTrue(title.startsWith("TIMINGS OF RUN #1 OF RetryPoll · "), title);
        // the share column shows a percentage per function; together they make the whole run
        List<String> percents = fx(() -> robot.from(view.table()).lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText() != null && l.getText().endsWith("%")).queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertEquals(4, percents.size());
        int sum = percents.stream().mapToInt(p -> Integer.parseInt(p.substring(0, p.length() - 1))).sum();
        assertTrue(sum >= 98 && sum <= 102, percents.toString());
        assertEquals("Metrics are off: no port is open.", fx(() -> robot.lookup("#timingsMetrics").queryAs(Label.class).getText()));
    }

    @Test
    void switchingFlowsShowsTheirOwnTimings() {
        fxRun(() -> view.showFlow("StuScore"));
        assertTrue(fx(() -> fixture.session.run("StuScore")));
        fixture.await(SessionState.FINISHED);
        assertEquals(List.of("VerifyStu", "AvgStuScore", "PrintStuAvgScore"),
                fx(() -> view.table().getItems().stream().map(FunctionTiming::function).toList()));
        fxRun(() -> view.showFlow("Print"));
        assertTrue(fx(() -> view.table().getItems().isEmpty()));
    }
}
