package io.mtlslab.app.shell;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Fxml;
import io.mtlslab.app.common.ProblemBanner;
import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.app.server.ServerModel;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window: navigation on the left, the current screen in the middle, background work and
 * the echo server's state in the status bar. Screens are loaded on first visit, which keeps the
 * cold start short.
 */
public class MainWindowController {

    /** Screen id → its FXML, in navigation order. */
    static final Map<String, String> SCREENS = new LinkedHashMap<>();

    static {
        SCREENS.put("welcome", "welcome/Welcome.fxml");
        SCREENS.put("wizard", "wizard/Wizard.fxml");
        SCREENS.put("identities", "identities/Identities.fxml");
        SCREENS.put("server", "server/Server.fxml");
        SCREENS.put("call", "call/TestCall.fxml");
        SCREENS.put("scenarios", "scenarios/Scenarios.fxml");
        SCREENS.put("inspect", "inspect/Inspect.fxml");
        SCREENS.put("workshop", "workshop/Workshop.fxml");
        SCREENS.put("audit", "audit/Audit.fxml");
    }

    private final AppContext context;
    private final Map<String, Parent> loaded = new HashMap<>();
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private String current;

    @FXML private BorderPane root;
    @FXML private VBox centerBox;
    @FXML private StackPane content;
    @FXML private Label workspaceLabel;
    @FXML private Label statusText;
    @FXML private Label serverStatus;
    @FXML private ProgressBar statusProgress;
    @FXML private Button languageButton;
    @FXML private Button themeButton;
    @FXML private Button fontSmallerButton;
    @FXML private Button fontLargerButton;
    @FXML private ToggleButton presenterButton;
    @FXML private ToggleButton navWelcome;
    @FXML private ToggleButton navWizard;
    @FXML private ToggleButton navIdentities;
    @FXML private ToggleButton navServer;
    @FXML private ToggleButton navCall;
    @FXML private ToggleButton navScenarios;
    @FXML private ToggleButton navInspect;
    @FXML private ToggleButton navWorkshop;
    @FXML private ToggleButton navAudit;

    public MainWindowController(AppContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        // The banner (a TextArea and friends) is built on the first problem: a faster first window.
        if (context.problemProperty().get() != null) {
            addBanner();
        } else {
            javafx.util.Subscription[] once = new javafx.util.Subscription[1];
            once[0] = context.problemProperty().subscribe((old, now) -> {
                once[0].unsubscribe();
                addBanner();
            });
            context.viewScope().add(once[0]);
        }
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> buttons = List.of(navWelcome, navWizard, navIdentities, navServer, navCall,
                navScenarios, navInspect, navWorkshop, navAudit);
        List<String> ids = List.copyOf(SCREENS.keySet());
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setToggleGroup(group);
            navButtons.put(ids.get(i), buttons.get(i));
        }
        // A selected navigation button stays selected when clicked again.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        workspaceLabel.textProperty().bind(Bindings.createStringBinding(
                () -> context.workspace() == null ? context.text("workspace.opening")
                        : context.text("workspace.label", context.workspace().dir()),
                context.workspaceProperty()));
        // One line, cut at the start where the bar is narrow ("…/workshop-2026/workspace"): a path broken
        // across lines anywhere read as nonsense. The whole path shows on hover.
        Tooltip workspaceTip = new Tooltip();
        workspaceTip.textProperty().bind(workspaceLabel.textProperty());
        workspaceLabel.setTooltip(workspaceTip);
        statusText.textProperty().bind(context.tasks().messageProperty());
        statusProgress.visibleProperty().bind(context.tasks().busyProperty());
        statusProgress.progressProperty().bind(context.tasks().progressProperty());
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        serverStatus.textProperty().bind(server.statusTextProperty());
        languageButton.setText(context.text("action.language.button"));
        themeButton.setText(context.text(context.darkProperty().get() ? "action.theme.light" : "action.theme.dark"));
        themeButton.setId("themeButton");
        languageButton.setId("languageButton");
        presenterButton.setId("presenterButton");
        presenterButton.setSelected(context.presenterProperty().get());
        fontSmallerButton.disableProperty().bind(context.fontStepProperty().lessThanOrEqualTo(0));
        fontLargerButton.disableProperty().bind(context.fontStepProperty().greaterThanOrEqualTo(AppContext.FONT_STEPS - 1));
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
        context.setNavigator(this::show);
    }

    private void addBanner() {
        ProblemBanner banner = new ProblemBanner(context.i18n());
        banner.problemProperty().bindBidirectional(context.problemProperty());
        centerBox.getChildren().add(0, banner);
    }

    public Parent root() {
        return root;
    }

    public String current() {
        return current;
    }

    /** Shows screen {@code id}, loading it on first use. */
    public void show(String id) {
        String target = SCREENS.containsKey(id) ? id : "welcome";
        Parent view = loaded.computeIfAbsent(target, key -> Fxml.load(context, SCREENS.get(key)).root());
        content.getChildren().setAll(view);
        current = target;
        ToggleButton button = navButtons.get(target);
        if (button != null) {
            button.setSelected(true);
        }
        // After the new screen's first layout: keyboard users land on its first field, not on the old screen.
        Platform.runLater(() -> focusFirstField(target, view, 3));
    }

    /**
     * Puts the focus on the screen's first field, and checks again a moment later: the clicked nav
     * button may take the focus after this ran, and a screen may enable its fields only once its model
     * has answered. Gives up when the user moved on (another screen, or a field of this one focused).
     */
    private void focusFirstField(String screen, Parent view, int checksLeft) {
        if (!screen.equals(current) || view.getScene() == null) {
            return;
        }
        Node first = firstField(view);
        Node owner = view.getScene().getFocusOwner();
        boolean settled = owner != null && isInside(owner, view)
                && (owner == first || owner instanceof TextInputControl || owner instanceof ComboBoxBase<?>);
        if (first != null && !settled) {
            first.requestFocus();
        }
        if (checksLeft > 0) {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
            later.setOnFinished(event -> focusFirstField(screen, view, checksLeft - 1));
            later.play();
        }
    }

    private static boolean isInside(Node node, Parent ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The first visible, enabled text field or drop-down of a screen, else its first focusable control. */
    static Node firstField(Node view) {
        Node field = first(view, node -> node instanceof TextInputControl || node instanceof ComboBoxBase<?>);
        return field != null ? field : first(view, node -> node instanceof Control && !(node instanceof Label)
                && !(node instanceof ScrollPane));
    }

    private static Node first(Node node, Predicate<Node> wanted) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable() && wanted.test(node)) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = first(child, wanted);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @FXML private void goWelcome() {
        show("welcome");
    }

    @FXML private void goWizard() {
        show("wizard");
    }

    @FXML private void goIdentities() {
        show("identities");
    }

    @FXML private void goServer() {
        show("server");
    }

    @FXML private void goCall() {
        show("call");
    }

    @FXML private void goScenarios() {
        show("scenarios");
    }

    @FXML private void goInspect() {
        show("inspect");
    }

    @FXML private void goWorkshop() {
        show("workshop");
    }

    @FXML private void goAudit() {
        show("audit");
    }

    @FXML
    private void openWorkspace() {
        chooseWorkspace("workspace.choose.open");
    }

    @FXML
    private void newWorkspace() {
        chooseWorkspace("workspace.choose.new");
    }

    private void chooseWorkspace(String titleKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.text(titleKey));
        if (context.workspace() != null && context.workspace().dir().getParent() != null) {
            chooser.setInitialDirectory(context.workspace().dir().getParent().toFile());
        }
        File dir = chooser.showDialog(window());
        if (dir != null) {
            context.openWorkspace(dir.toPath(), () -> show(context.workspace().hasCa() ? "identities" : "welcome"));
        }
    }

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("inspect.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(context.text("inspect.filter.all"),
                        "*.pem", "*.crt", "*.cer", "*.der", "*.key", "*.csr", "*.p12", "*.pfx", "*.crl"),
                new FileChooser.ExtensionFilter(context.text("inspect.filter.any"), "*"));
        if (context.workspace() != null) {
            chooser.setInitialDirectory(context.workspace().dir().toFile());
        }
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            inspect(file.toPath());
        }
    }

    private void inspect(Path file) {
        context.model(InspectModel.class, InspectModel::new).open(file);
        show("inspect");
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
            inspect(event.getDragboard().getFiles().get(0).toPath());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    @FXML
    private void switchLanguage() {
        context.switchLanguage(context.i18n().next());
    }

    @FXML
    private void toggleTheme() {
        context.darkProperty().set(!context.darkProperty().get());
        themeButton.setText(context.text(context.darkProperty().get() ? "action.theme.light" : "action.theme.dark"));
    }

    @FXML
    private void fontLarger() {
        context.fontStepProperty().set(Math.min(AppContext.FONT_STEPS - 1, context.fontStepProperty().get() + 1));
    }

    @FXML
    private void fontSmaller() {
        context.fontStepProperty().set(Math.max(0, context.fontStepProperty().get() - 1));
    }

    @FXML
    private void togglePresenter() {
        context.presenterProperty().set(!context.presenterProperty().get());
        presenterButton.setSelected(context.presenterProperty().get());
    }

    @FXML
    private void presenterClicked() {
        context.presenterProperty().set(presenterButton.isSelected());
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
