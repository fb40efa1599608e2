package io.mtlslab.app.common;

import io.mtlslab.app.AppContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads one screen's FXML with the current language and a controller built around the app context. */
public final class Fxml {

    private Fxml() {
    }

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    /** Loads {@code io/mtlslab/app/<path>}, e.g. {@code welcome/Welcome.fxml}. */
    public static <C> View<C> load(AppContext context, String path) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource("/io/mtlslab/app/" + path),
                context.i18n().bundle());
        loader.setControllerFactory(type -> construct(type, context));
        try {
            Parent root = loader.load();
            Fit.apply(root);
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + path, e);
        }
    }

    private static Object construct(Class<?> type, AppContext context) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == AppContext.class) {
                    return constructor.newInstance(context);
                }
            }
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        }
    }
}
