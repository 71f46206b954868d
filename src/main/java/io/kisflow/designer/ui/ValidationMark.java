package io.kisflow.designer.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.Collection;
import java.util.List;

/**
 * ControlsFX's validation decoration on a field while its model has a message: the error icon for a
 * refusal, the warning icon for a warning, the message on hover. The message comes from the model (the
 * edit refused it), not from a rule here, so view-model tests hold the validation itself. Used by the
 * Properties panel and the Serve tab, so every field of the designer shows a refusal the same way.
 *
 * <pre>{@code ValidationMark.decorate(textField, model.errorProperty(model.threads));}</pre>
 */
public final class ValidationMark {
    private ValidationMark() {
    }

    /** The error icon on {@code control} while {@code message} is neither null nor empty. */
    public static void decorate(Control control, ObservableStringValue message) {
        decorate(control, message, null);
    }

    /** As {@link #decorate(Control, ObservableStringValue)}; the warning icon instead while {@code warning} is true. */
    public static void decorate(Control control, ObservableStringValue message, ObservableBooleanValue warning) {
        ValidationSupport support = new ValidationSupport();
        // the icon sits inside the control's right end (left of a combo box's arrow), clear of a message line below
        double inset = control instanceof ComboBox<?> ? -36 : -12;
        support.setValidationDecorator(new GraphicValidationDecoration() {
            @Override
            protected Collection<Decoration> createValidationDecorations(ValidationMessage m) {
                return List.of(new GraphicDecoration(createDecorationNode(m), Pos.CENTER_RIGHT, inset, 0));
            }
        });
        support.registerValidator(control, false, (Control c, Object value) -> {
            String m = message.get();
            boolean shown = m != null && !m.isEmpty();
            return warning != null && warning.get() ? ValidationResult.fromWarningIf(c, m, shown) : ValidationResult.fromErrorIf(c, m, shown);
        });
        message.addListener((o, a, b) -> support.revalidate(control));
        if (warning != null) {
            warning.addListener((o, a, b) -> support.revalidate(control));
        }
    }
}
