package io.kisflow.designer.ui;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads the FXML of a dialog or panel whose layout is static (so it opens in Scene Builder): the
 * file sits beside its controller class, named after it ({@code SavePlanDialog.fxml} for
 * {@code SavePlanDialog}), and the controller fills in the data.
 *
 * <pre>{@code SavePlanDialog c = Fxml.load(SavePlanDialog.class); c.show(plan);}</pre>
 */
public final class Fxml {
    private Fxml() {
    }

    /** Loads {@code controller}'s FXML and returns the controller the FXML created. */
    public static <T> T load(Class<T> controller) {
        String name = controller.getSimpleName() + ".fxml";
        URL url = controller.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + controller.getName() + " (a broken build)");
        }
        FXMLLoader loader = new FXMLLoader(url);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url + ": " + e.getMessage(), e);
        }
        return controller.cast(loader.getController());
    }
}
