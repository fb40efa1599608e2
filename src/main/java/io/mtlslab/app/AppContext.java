package io.mtlslab.app;

import io.mtlslab.app.common.ErrorLog;
import io.mtlslab.app.common.I18n;
import io.mtlslab.app.common.Problem;
import io.mtlslab.app.common.Tasks;
import io.mtlslab.app.common.ViewScope;
import io.mtlslab.pki.UserDataFolder;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every screen shares: the open workspace, the language, the looks, the background task
 * runner, the problem shown in the banner, and the screens' view models (which outlive a screen's
 * FXML, so that switching the language re-renders without losing results).
 */
public final class AppContext {

    public static final int FONT_STEPS = 5;

    private final AppConfig config;
    private final AppSettings settings;
    private final ObjectProperty<I18n> i18n = new SimpleObjectProperty<>();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final IntegerProperty fontStep = new SimpleIntegerProperty(1);
    private final IntegerProperty workspaceRevision = new SimpleIntegerProperty();
    private final Tasks tasks;
    private final Map<Class<?>, Object> models = new HashMap<>();
    private Consumer<String> navigator = screen -> { };
    private final ErrorLog errorLog;
    private Map.Entry<Problem, String> problemTopic;
    private ViewScope viewScope = new ViewScope();

    public AppContext(AppConfig config) {
        this.config = config;
        this.settings = new AppSettings(config.settingsFile());
        String language = settings.get(AppSettings.LANGUAGE, null);
        Locale locale = config.locale() != null ? config.locale()
                : language != null ? Locale.forLanguageTag(language) : Texts.userLocale();
        i18n.set(new I18n(locale));
        Texts.use(i18n.get().locale());
        dark.set("dark".equals(settings.get(AppSettings.THEME, "light")));
        fontStep.set(Math.max(0, Math.min(FONT_STEPS - 1, settings.getInt(AppSettings.FONT_STEP, 1))));
        dark.addListener((obs, old, value) -> settings.put(AppSettings.THEME, value ? "dark" : "light"));
        fontStep.addListener((obs, old, value) -> settings.put(AppSettings.FONT_STEP, value.toString()));
        tasks = new Tasks(this::report);
        errorLog = new ErrorLog(config.settingsFile().resolveSibling("mtls-lab-errors.log"));
    }

    public AppConfig config() {
        return config;
    }

    public AppSettings settings() {
        return settings;
    }

    public I18n i18n() {
        return i18n.get();
    }

    public ObjectProperty<I18n> i18nProperty() {
        return i18n;
    }

    /** Shorthand for a translated text. */
    public String text(String key, Object... args) {
        return i18n.get().get(key, args);
    }

    public void switchLanguage(Locale locale) {
        I18n next = new I18n(locale);
        settings.put(AppSettings.LANGUAGE, next.locale().toLanguageTag());
        // The core's messages render in the same language, before the screens re-render.
        Texts.use(next.locale());
        i18n.set(next);
    }

    /** Where the screens built now register their listeners on long-lived objects (see {@link ViewScope}). */
    public ViewScope viewScope() {
        return viewScope;
    }

    /** Drops the listeners of the screens built so far, before they are rebuilt (a language switch). */
    public void renewViewScope() {
        viewScope.dispose();
        viewScope = new ViewScope();
    }

    public Tasks tasks() {
        return tasks;
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** The open workspace; never null once the main window shows. */
    public Workspace workspace() {
        return workspace.get();
    }

    /** The workspace to open at start: the injected one, the last one used, or the per-user default. */
    public Path initialWorkspaceDir() {
        if (config.workspace() != null) {
            return config.workspace();
        }
        String last = settings.get(AppSettings.LAST_WORKSPACE, null);
        return last != null ? Path.of(last) : UserDataFolder.defaultWorkspace();
    }

    /** Opens (or creates) the workspace folder in the background and remembers it. */
    public void openWorkspace(Path dir, Runnable then) {
        tasks.run(() -> Workspace.open(dir), opened -> {
            workspace.set(opened);
            settings.put(AppSettings.LAST_WORKSPACE, opened.dir().toString());
            then.run();
        });
    }

    /** Counts changes to the open workspace's identities; lists re-read it when this moves. */
    public IntegerProperty workspaceRevisionProperty() {
        return workspaceRevision;
    }

    /** Tells the screens that identities were issued, revoked or replaced (call on the FX thread). */
    public void workspaceChanged() {
        workspaceRevision.set(workspaceRevision.get() + 1);
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** Shows a background failure in the banner: cause in words, technical message behind "Details". */
    public void report(Throwable failure) {
        report(failure, null);
    }

    /**
     * As {@link #report(Throwable)}, tagged with what it is about ({@code "server"}, ...), so that
     * {@link #resolved(String)} can take the banner away once that thing works again.
     */
    public void report(Throwable failure, String topic) {
        Problem shown = problemOf(failure);
        problem.set(shown);
        problemTopic = topic == null ? null : Map.entry(shown, topic);
    }

    /** Removes the banner if it describes a failure of {@code topic}, which has just worked. */
    public void resolved(String topic) {
        if (problemTopic != null && problemTopic.getKey() == problem.get() && problemTopic.getValue().equals(topic)) {
            problem.set(null);
        }
    }

    /** The failure as the user reads it; its full trace goes to the log file, never to the screen. */
    public Problem problemOf(Throwable failure) {
        boolean logged = errorLog.append(failure);
        return Problem.of(failure, i18n.get(), logged ? errorLog.file().toString() : null);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public IntegerProperty fontStepProperty() {
        return fontStep;
    }

    /** The view model of type {@code type}, created once and kept across re-renders. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T model(Class<T> type, Supplier<T> factory) {
        return (T) models.computeIfAbsent(type, key -> factory.get());
    }

    public void setNavigator(Consumer<String> navigator) {
        this.navigator = navigator;
    }

    /** Shows one of the main window's screens by id ({@code welcome}, {@code identities}, ...). */
    public void navigate(String screen) {
        navigator.accept(screen);
    }
}
