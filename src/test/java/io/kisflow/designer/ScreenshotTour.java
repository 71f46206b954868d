package io.kisflow.designer;

import io.kisflow.bench.DesignerBench;
import io.kisflow.config.ConfigExporter;
import io.kisflow.designer.edit.ConnectorEdits;
import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.edit.StepEdits;
import io.kisflow.designer.files.Questions;
import io.kisflow.designer.files.SavePlanDialog;
import io.kisflow.designer.palette.PaletteItem;
import io.kisflow.designer.problems.YamlViewModel;
import io.kisflow.designer.project.SavePlan;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import io.kisflow.designer.shell.HelpDialog;
import io.kisflow.designer.ui.Theme;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Takes the user guide's screenshots from the real designer window, headless (Monocle):
 * {@code docs/images/*.png}. Run after changing anything visible:
 * <pre>{@code java -cp target/test-classes:target/classes:$(cat cp.txt) -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw io.kisflow.designer.ScreenshotTour docs/images}</pre>
 * A second argument {@code serve} takes only the Serve tab's picture (it starts a Kafka broker).
 */
public final class ScreenshotTour {
    private static Path out;

    public static void main(String[] args) throws Exception {
        try {
            tour(args);
        } catch (Throwable t) {
            // the JavaFX thread keeps the JVM alive: a failed tour must end, not hang
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void tour(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/images");
        if (args.length > 1 && args[1].equals("tests")) {
            testsOnly();
            return;
        }
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("kisflow-tour");
        Path project = tmp.resolve("conf-samples");
        copyTree(Path.of("conf-samples"), project);
        // Monocle's headless screen is 1280x800 unless told: a window larger than the screen overflows
        // its pixel buffer (BufferOverflowException) and the tour hung near its end. The screen of the
        // manual trial (Xvfb 1600x1000) holds the designer's default window, 1440x900.
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        Platform.startup(() -> { });
        boolean onlyServe = args.length > 1 && args[1].equals("serve");
        DesignerViewModel vm = fx(() -> new DesignerViewModel(tmp.resolve("state")));
        DesignerWindow w = fx(() -> {
            DesignerWindow win = new DesignerWindow(new Stage(), vm, (o, t, i) -> Optional.empty());
            win.stage().setWidth(1440);
            win.stage().setHeight(900);
            win.show();
            if (!onlyServe) {
                win.files().openProject(project);
            }
            return win;
        });
        settle();
        if (onlyServe) {
            ServeTourShots.take(w, vm, tmp.resolve("serve-samples"), name -> shot(w, name));
            fx(() -> {
                w.shutdown();
                w.stage().hide();
                return null;
            });
            Platform.exit();
            return;
        }

        // 1. the main window, light and dark
        fx(() -> vm.document.select(Selection.step("SaveScores", 2)));
        shot(w, "designer-light.png");
        fx(() -> vm.themeProperty().set(Theme.DARK));
        shot(w, "designer-dark.png");
        fx(() -> vm.themeProperty().set(Theme.LIGHT));

        // 2. gestures: a function dragged between two cards, a connector onto a Save card and onto a Verify card
        fx(() -> {
            vm.canvas.fit();
            double[] gap = vm.canvas.gapPoint("StuScore", 1);
            vm.canvas.paletteDragOver(new PaletteItem(PaletteItem.Kind.FUNCTION, "RankScores", "Calculate"), gap[0], gap[1] + 6);
            return null;
        });
        shotNode(w, w.canvasView(), "drop-between-cards.png");
        fx(() -> {
            double[] card = vm.canvas.cardCentre("SaveScores", 2);
            vm.canvas.paletteDragOver(new PaletteItem(PaletteItem.Kind.CONNECTOR, "ScoreStore", "redis"), card[0], card[1]);
            return null;
        });
        shotNode(w, w.canvasView(), "bind-connector.png");
        fx(() -> {
            double[] card = vm.canvas.cardCentre("StuScore", 0);
            vm.canvas.paletteDragOver(new PaletteItem(PaletteItem.Kind.CONNECTOR, "ScoreStore", "redis"), card[0], card[1]);
            return null;
        });
        shotNode(w, w.canvasView(), "bind-refused.png");
        fx(() -> {
            double[] card = vm.canvas.cardCentre("StuScore", 0);
            vm.canvas.paletteDrop(new PaletteItem(PaletteItem.Kind.CONNECTOR, "ScoreStore", "redis"), card[0], card[1]);
            return null;
        });
        shot(w, "bind-refused-status.png");

        // 3. the properties panel refusing a value
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 1));
            vm.properties.function.retryTimes.focusGained();
            vm.properties.function.retryTimes.setText("-1");
            return null;
        });
        shotNode(w, w.sideTabs(), "properties-refused.png");
        fx(() -> {
            vm.properties.function.retryTimes.setText("0");
            vm.properties.function.retryTimes.focusLost();
            return null;
        });

        // 4. YAML of the selection, as saved (comments kept) after an edit
        fx(() -> {
            vm.document.perform(ConnectorEdits.update("ScoreStore", "Set key", c -> c.withKey("avg_score_v2")));
            vm.document.select(Selection.connector("ScoreStore"));
            vm.yaml.modeProperty().set(YamlViewModel.Mode.SAVED);
            w.bottomTabs().getSelectionModel().select(1);
            return null;
        });
        shot(w, "yaml-as-saved.png");
        fx(() -> {
            vm.yaml.modeProperty().set(YamlViewModel.Mode.EXPORTED);
            w.bottomTabs().getSelectionModel().select(0);
            return null;
        });

        // 5. the save plan
        fx(() -> vm.document.perform(StepEdits.move("StuScore", 2, "StuScore", 0)));
        SavePlan plan = fx(() -> vm.session.planSave());
        dialog(() -> SavePlanDialog.create(w.stage(), plan, "Save"), "save-plan.png", 1);

        // 6. questions: unsaved changes, recovery offer; the help dialog
        dialog(() -> Questions.unsavedChanges(w.stage(), "conf-samples", "closing"), "unsaved-changes.png", 0);
        dialog(() -> Questions.restoreOffer(w.stage(), "conf-samples", Instant.parse("2026-11-21T09:41:00Z"), java.util.Optional.empty(), java.nio.file.Path.of("conf-samples")), "recovery-offer.png", 0);
        dialog(() -> HelpDialog.create(w.stage(), w.actions()), "shortcuts.png", 0);

        // 7. a project with problems: markers on the cards, the problems list
        Path broken = tmp.resolve("broken-project");
        copyTree(Path.of("conf-samples"), broken);
        Files.writeString(broken.resolve("student-score/flow-StuScore.yml"),
                Files.readString(broken.resolve("student-score/flow-StuScore.yml")).replace("fname: PrintStuAvgScore", "fname: PrintAverage"));
        Files.writeString(broken.resolve("storage/func-Broken.yml"), "kistype: func\nfname: Broken\nfmode: Calculate\nsource: {name: [x\n");
        fx(() -> {
            vm.session.closeWithoutSaving();
            w.files().openProject(broken);
            vm.canvas.fit();
            vm.document.select(Selection.NONE);
            return null;
        });
        shot(w, "problems.png");

        // 8. Go's own test configs (open DIR), and a large generated project
        fx(() -> w.files().openProject(io.kisflow.SharedMaterial.root().resolve("conformance/load_conf").toFile().isDirectory()
                ? io.kisflow.SharedMaterial.root().resolve("conformance/load_conf") : project));
        shot(w, "load-conf.png");
        Path big = tmp.resolve("big");
        ConfigExporter.export(DesignerBench.generate(), big);
        fx(() -> {
            w.files().openProject(big);
            vm.canvas.fit();
            return null;
        });
        shot(w, "large-project-fit.png");
        fx(() -> {
            vm.canvas.viewportProperty().set(new io.kisflow.designer.canvas.Viewport(0.6, 20, -40 * 132));
            vm.document.navigateTo(Selection.connector("Store8"));
            return null;
        });
        shot(w, "large-project-connector.png");

        // 9. an empty project
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        fx(() -> {
            vm.session.createNew(empty);
            vm.canvas.showOpened();
            return null;
        });
        shot(w, "empty-project.png");

        // 10. the debugger, on a fresh copy of the samples
        debuggerTour(w, vm, tmp.resolve("debug-samples"));

        // 11. the Serve tab: StuScore served from a local broker (tour "serve" takes this picture alone)
        ServeTourShots.take(w, vm, tmp.resolve("serve-samples"), name -> shot(w, name));
        // 12. flow tests: Save run as test, the Tests tab, a failure in the Diff tab
        testsTour(w, vm, tmp.resolve("tests-samples"));
        fx(() -> {
            w.shutdown();
            w.stage().hide();
            return null;
        });
        Platform.exit();
        System.out.println("screenshots in " + out.toAbsolutePath());
    }

    private static void debuggerTour(DesignerWindow w, DesignerViewModel vm, Path dir) throws Exception {
        copyTree(Path.of("conf-samples"), dir);
        var d = vm.debugger;
        fx(() -> {
            w.files().openProject(dir);
            vm.canvas.viewportProperty().set(new io.kisflow.designer.canvas.Viewport(0.85, 10, 10));
            vm.document.select(Selection.step("StuScore", 0));
            vm.canvas.reveal(Selection.flow("StuScore"));
            return null;
        });
        // run to the end: counts on every arrow, the run panel says how it went
        runAndWait(d::run, d);
        fx(() -> w.showTab("runTab"));
        shot(w, "debug-run.png");
        // the inspector on AvgStuScore's level, with the raw JSON of a row
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 1));
            w.showTab("inspectorTab");
            w.showTab("callTab");
            return null;
        });
        settle();
        fx(() -> {
            var inspector = (io.kisflow.designer.debug.view.InspectorView) w.bottomTabs().getTabs().stream()
                    .filter(t -> "inspectorTab".equals(t.getId())).findFirst().orElseThrow().getContent();
            inspector.showRawJson(true);
            inspector.table().getSelectionModel().select(1);
            return null;
        });
        shot(w, "debug-inspector.png");
        // a breakpoint on PrintStuAvgScore: the run pauses before it
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 2));
            d.toggleBreakpoint();
            w.showTab("runTab");
            return null;
        });
        runAndWait(d::run, d);
        fx(() -> vm.document.select(Selection.step("StuScore", 0)));
        shot(w, "debug-breakpoint.png");
        fx(() -> {
            d.stop();
            vm.document.select(Selection.step("StuScore", 2));
            d.toggleBreakpoint();
            return null;
        });
        settle();
        // VerifyStu's input against its output: the student with a score of 140 is dropped
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 0));
            d.compareInputOutput();
            w.showTab("diffTab");
            return null;
        });
        shot(w, "debug-diff.png");
        // a bad param makes VerifyStu throw: the card says why, the Call tab has the stack trace
        fx(() -> vm.document.perform(StepEdits.setParams("StuScore", 0, java.util.Map.of("max_score", "a hundred"))));
        runAndWait(d::run, d);
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 0));
            w.showTab("callTab");
            w.showTab("runTab");
            var expander = (javafx.scene.control.TitledPane) w.sideTabs().lookup("#callTraceExpander");
            if (expander != null) {
                expander.setExpanded(true);
            }
            return null;
        });
        shot(w, "debug-error.png");
        fx(vm.document::undo);
        // the history: the failed run against the first one
        runAndWait(d::run, d);
        fx(() -> w.showTab("historyTab"));
        settle();   // the tab's table exists once it was shown and laid out
        fx(() -> {
            var history = (io.kisflow.designer.debug.view.HistoryView) w.bottomTabs().getTabs().stream()
                    .filter(t -> "historyTab".equals(t.getId())).findFirst().orElseThrow().getContent();
            history.applyCss();
            var runs = (javafx.scene.control.TableView<?>) history.lookup("#historyRuns");
            if (runs != null) {
                runs.getSelectionModel().select(1);   // the failed run, against the latest
                history.compareSelected();
            }
            return null;
        });
        shot(w, "debug-history.png");
        fx(() -> w.showTab("timingsTab"));
        shot(w, "debug-timings.png");
        // issue 13: run from here (AvgStuScore on, VerifyStu's level reused), the runs kept on disk, one opened
        fx(() -> vm.document.select(Selection.step("StuScore", 1)));
        runAndWait(d::runFromHere, d);
        fx(() -> w.showTab("historyTab"));
        settle();
        fx(() -> {
            var history = (io.kisflow.designer.debug.view.HistoryView) w.bottomTabs().getTabs().stream()
                    .filter(t -> "historyTab".equals(t.getId())).findFirst().orElseThrow().getContent();
            history.applyCss();
            @SuppressWarnings("unchecked")
            var stored = (javafx.scene.control.ListView<io.kisflow.designer.debug.StoredRun>) history.lookup("#storedRunsList");
            stored.getSelectionModel().select(stored.getItems().size() - 1);   // the first run, from before
            d.session().storedRuns().open(stored.getSelectionModel().getSelectedItem());
            return null;
        });
        settle();
        shot(w, "debug-history-disk.png");
        // a conditional breakpoint: pause before PrintStuAvgScore only when an average is over 90
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 2));
            d.setBreakpointCondition("avg_score > 90 and stu_id != 101");
            w.showTab("runTab");
            return null;
        });
        runAndWait(d::run, d);
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 1));
            d.inspectSelected();
            w.showTab("inspectorTab");
            return null;
        });
        shot(w, "debug-condition.png");
        fx(() -> {
            d.stop();
            vm.document.select(Selection.step("StuScore", 2));
            d.toggleBreakpoint();
            return null;
        });
        settle();
        // the diff aligned as a sequence: VerifyStu dropped one student, one removed row and the rest the same
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 0));
            d.compareInputOutput();
            d.session().diff().alignmentProperty().set(io.kisflow.designer.debug.diff.DiffAlignment.SEQUENCE);
            w.showTab("diffTab");
            return null;
        });
        shot(w, "debug-diff-sequence.png");
        fx(() -> d.session().diff().alignmentProperty().set(io.kisflow.designer.debug.diff.DiffAlignment.PAIRED));
        // a function with no code yet, given pinned rows
        fx(() -> {
            vm.document.perform(io.kisflow.designer.edit.FunctionEdits.addAndInsert(
                    io.kisflow.config.FuncConfig.of("RankStudents", "Calculate"), "StuScore", 3));
            var pin = d.session().pins("RankStudents");
            pin.textProperty().set("{\"rank\": 1, \"stu_id\": 104}\n{\"rank\": 2, \"stu_id\": 101}\n{\"rank\": 3, \"stu_id\": 102}");
            pin.pinnedProperty().set(true);
            vm.document.select(Selection.step("StuScore", 3));
            return null;
        });
        runAndWait(d::run, d);
        fx(() -> {
            vm.document.select(Selection.step("StuScore", 3));
            d.inspectSelected();
            w.showTab("inspectorTab");
            w.showTab("callTab");
            return null;
        });
        shot(w, "debug-pinned.png");
        // a dry run of the Save flow: nothing written, the Call tab lists what would have been
        fx(() -> {
            d.session().dryRunProperty().set(true);
            vm.canvas.reveal(Selection.flow("SaveScores"));
            vm.document.select(Selection.step("SaveScores", 2));
            return null;
        });
        runAndWait(d::run, d);
        fx(() -> {
            vm.document.select(Selection.step("SaveScores", 2));
            w.showTab("runTab");
            w.showTab("callTab");
            return null;
        });
        shot(w, "debug-dry-run.png");
        fx(() -> d.session().dryRunProperty().set(false));
        // a built-in connector: its settings in Properties, and the cards it serves saying what it does
        fx(() -> {
            // zoomed out a little, so that the connector's badge and both cards it serves are in view
            io.kisflow.designer.canvas.Rect both = vm.canvas.rectOf(Selection.step("LoadScores", 0))
                    .union(vm.canvas.rectOf(Selection.step("SaveScores", 2))).union(vm.canvas.rectOf(Selection.connector("ScoreStore")));
            vm.canvas.viewportProperty().set(io.kisflow.designer.canvas.Viewport.fit(both, vm.canvas.viewWidth(), vm.canvas.viewHeight() - 60, 40));
            vm.document.select(Selection.connector("ScoreStore"));
            w.showTab("propertiesTab");
            return null;
        });
        shot(w, "connectors.png");
        fx(() -> w.showTab("pluginsTab"));
        shot(w, "debug-plugins.png");
    }

    /** Only the flow tests' pictures (a second argument "tests"): quicker after changing the Tests tab. */
    private static void testsOnly() throws Exception {
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("kisflow-tour");
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        Platform.startup(() -> { });
        DesignerViewModel vm = fx(() -> new DesignerViewModel(tmp.resolve("state")));
        DesignerWindow w = fx(() -> {
            DesignerWindow win = new DesignerWindow(new Stage(), vm, (o, t, i) -> Optional.empty());
            win.stage().setWidth(1440);
            win.stage().setHeight(900);
            win.show();
            return win;
        });
        testsTour(w, vm, tmp.resolve("tests-samples"));
        fx(() -> {
            w.shutdown();
            w.stage().hide();
            return null;
        });
        Platform.exit();
        System.out.println("screenshots in " + out.toAbsolutePath());
    }

    /**
     * Flow tests: a run of StuScore saved as a test (the dialog), then every case run with one sample
     * case changed to fail and an edit that makes the LogReport case stale; the failure's rows in the
     * Diff tab.
     */
    private static void testsTour(DesignerWindow w, DesignerViewModel vm, Path dir) throws Exception {
        copyTree(Path.of("conf-samples"), dir);
        var d = vm.debugger;
        fx(() -> {
            w.files().openProject(dir);
            vm.canvas.viewportProperty().set(new io.kisflow.designer.canvas.Viewport(0.85, 10, 10));
            vm.document.select(Selection.step("StuScore", 0));
            vm.canvas.reveal(Selection.flow("StuScore"));
            return null;
        });
        runAndWait(d::run, d);
        dialog(() -> {
            var m = io.kisflow.designer.tests.SaveRunAsTestModel.forFlow(vm.document, d.session(), "StuScore");
            m.ignore.set("$.ts");
            return new io.kisflow.designer.tests.SaveRunAsTestDialog(w.stage(), m);
        }, "tests-save-run.png", 0);
        fx(() -> {
            var m = io.kisflow.designer.tests.SaveRunAsTestModel.forFlow(vm.document, d.session(), "StuScore");
            m.name.set("StuScore-checked");
            m.save();
            // a case that fails: one expected average is wrong
            String text = vm.document.state().code().get("tests/StuScore.json");
            vm.document.perform(io.kisflow.designer.tests.TestEdits.write("StuScore", text.replace("avg score: [84.00]", "avg score: [85.00]"), true));
            w.showTab("testsTab");
            vm.tests.runAll();
            return null;
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        settle();
        while (fx(() -> vm.tests.runningProperty().get())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the tests did not end");
            }
            Thread.sleep(100);
        }
        fx(() -> {
            // an edit of a LogReport function: its case is stale until it runs again
            vm.document.perform(io.kisflow.designer.edit.FunctionEdits.update("Summarize", "describe Summarize",
                    f -> f.withSource(new io.kisflow.config.Source("summary lines", f.source().must(), f.source().extra()))));
            var view = (io.kisflow.designer.tests.TestsView) w.bottomTabs().getTabs().stream()
                    .filter(t -> "testsTab".equals(t.getId())).findFirst().orElseThrow().getContent();
            var row = vm.tests.find("StuScore");
            view.table().getSelectionModel().select(row);
            view.table().scrollTo(row);
            return null;
        });
        shot(w, "tests-tab.png");
        fx(() -> {
            var button = (javafx.scene.control.Button) w.bottomTabs().lookup("#compare-PrintStuAvgScore");
            if (button != null) {
                button.fire();
            }
            return null;
        });
        shot(w, "tests-diff.png");
    }

    /** Starts a run and waits until it pauses or ends. */
    private static void runAndWait(java.util.function.BooleanSupplier start, io.kisflow.designer.debug.link.ProjectDebugger d) throws Exception {
        fx(() -> start.getAsBoolean());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        settle();
        while (fx(() -> d.session().state().isActive() && d.session().state() != io.kisflow.designer.debug.SessionState.PAUSED)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the run did not end");
            }
            Thread.sleep(50);
        }
        settle();
    }

    private static void shot(DesignerWindow w, String name) throws Exception {
        settle();
        fx(() -> {
            w.scene().getRoot().applyCss();
            w.scene().getRoot().layout();
            w.canvasView().paintNow();
            Snapshots.save(w.scene(), out.resolve(name));
            return null;
        });
    }

    private static void shotNode(DesignerWindow w, Node node, String name) throws Exception {
        settle();
        fx(() -> {
            w.canvasView().paintNow();
            Snapshots.save(node, out.resolve(name));
            return null;
        });
    }

    /** Shows a dialog without blocking, takes its picture (optionally after selecting list row {@code select}), closes it. */
    private static void dialog(Callable<Dialog<?>> make, String name, int select) throws Exception {
        Dialog<?> d = fx(make);
        fx(() -> {
            d.show();
            return null;
        });
        settle();
        fx(() -> {
            javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) d.getDialogPane().lookup("#savePlanFiles");
            if (list != null) {
                list.getSelectionModel().select(select);
            }
            return null;
        });
        settle();
        fx(() -> {
            Window win = d.getDialogPane().getScene().getWindow();
            Snapshots.save(win.getScene(), out.resolve(name));
            d.setResult(null);
            d.close();
            if (d.isShowing()) {
                win.hide();
            }
            return null;
        });
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(400);
        try {
            fx(() -> null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static void fx(Runnable task) throws Exception {
        fx(() -> {
            task.run();
            return null;
        });
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

}
