package io.mtlslab.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Validates text fields as the user types: a ControlsFX decoration on the field and the message in
 * a label right below it (a decoration's tooltip alone is easy to miss, and unreadable on a projector).
 */
public final class FieldCheck {

    private final ValidationSupport support = new ValidationSupport();
    private final List<ReadOnlyStringWrapper> messages = new ArrayList<>();

    /** Checks {@code field} with {@code check} (empty = fine) and shows the message in {@code label}. */
    public FieldCheck add(TextInputControl field, Label label, Function<String, Optional<String>> check) {
        ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        messages.add(message);
        Runnable update = () -> message.set(check.apply(field.getText()).orElse(""));
        field.textProperty().addListener((obs, old, text) -> update.run());
        update.run();
        label.textProperty().bind(message);
        label.visibleProperty().bind(message.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        label.getStyleClass().add("field-error");
        support.registerValidator(field, false, (control, value) -> ValidationResult.fromMessageIf(control,
                message.get(), Severity.ERROR, !message.get().isEmpty()));
        return this;
    }

    /** True while every field is fine. */
    public BooleanBinding valid() {
        return Bindings.createBooleanBinding(() -> messages.stream().allMatch(m -> m.get().isEmpty()),
                messages.toArray(new ReadOnlyStringWrapper[0]));
    }
}
