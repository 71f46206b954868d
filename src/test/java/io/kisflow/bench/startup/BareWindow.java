package io.kisflow.bench.startup;

import io.kisflow.designer.StartupTrace;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.List;

/**
 * The baseline of the start-up benchmark: the smallest window a JavaFX desktop tool has, a menu bar,
 * a list and a table, the same size as the designer's, reporting its first painted frame the same way
 * ({@link StartupTrace}).
 */
public final class BareWindow extends Application {
    /** A plain main, as the designer's jar has (a class extending Application cannot be one). */
    public static final class Main {
        public static void main(String[] args) {
            StartupTrace.mark("main");
            prepareNatives();
            Application.launch(BareWindow.class, args);
        }

        /**
         * What the designer's launcher does first: the shaded jar keeps JavaFX's native libraries per
         * platform, and JavaFX finds them only once they are copied out (without this the bare window
         * fails with "no prism_sw"). Same work on both sides, so the comparison stays fair.
         */
        private static void prepareNatives() {
            try {
                java.lang.reflect.Method prepare = Class.forName("io.kisflow.JavaFxNatives")
                        .getDeclaredMethod("prepare", java.nio.file.Path.class);
                prepare.setAccessible(true);
                prepare.invoke(null, java.nio.file.Path.of(System.getProperty("user.home"), ".kisflow-studio", "natives"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("JavaFX started");
        MenuBar menus = new MenuBar();
        for (String m : List.of("File", "Edit", "View", "Help")) {
            Menu menu = new Menu(m);
            menu.getItems().addAll(new MenuItem("Open"), new MenuItem("Save"), new MenuItem("Close"));
            menus.getMenus().add(menu);
        }
        ListView<String> list = new ListView<>(FXCollections.observableArrayList());
        for (int i = 1; i <= 20; i++) {
            list.getItems().add("Item " + i);
        }
        TableView<List<String>> table = new TableView<>();
        for (int c = 0; c < 3; c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>("Column " + (c + 1));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
            table.getColumns().add(column);
        }
        for (int r = 1; r <= 20; r++) {
            table.getItems().add(List.of("row " + r, String.valueOf(r * 7), "value " + r));
        }
        BorderPane root = new BorderPane(new SplitPane(list, table));
        root.setTop(menus);
        stage.setScene(new Scene(root, 1440, 900));
        stage.setTitle("Bare JavaFX window");
        stage.show();
        StartupTrace.mark("window shown");
        StartupTrace.reportNextPaint();
    }
}
