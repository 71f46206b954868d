package io.kisflow.designer.properties;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The properties panel on screen: the sections the selection calls for, each field with its
 * label and refusal message. Built once; sections are shown and hidden as the selection changes,
 * so a field keeps the focus while the user types in it.
 *
 * <pre>{@code new PropertiesView(propertiesVm)}</pre>
 */
public final class PropertiesView extends ScrollPane {
    private final PropertiesViewModel vm;
    private final LazySection flowSection;
    private final LazySection functionSection;
    private final LazySection cardSection;
    private final LazySection connectorSection;
    private final LazySection globalSection;
    private final LazySection nothingSection;
    private final Label missingConfig = new Label();
    private final Label bindings = new Label();
    private final Label summary = new Label();
    private final Label globalNote = new Label("This project has no global file yet; changing a value creates kis-flow.yaml on save.");

    /** Beside a function's name when it has code: rename the code with it, or keep the code as it is. */
    private final javafx.scene.control.CheckBox renameCode = new javafx.scene.control.CheckBox("Rename its code too");

    public PropertiesView(PropertiesViewModel vm) {
        this.vm = vm;
        setId("properties");
        getStyleClass().add("properties");
        setFitToWidth(true);
        Label heading = new Label();
        heading.getStyleClass().add("panel-heading");
        heading.textProperty().bind(vm.headingProperty());

        // Each section is built when the selection first calls for it: at start only the project's
        // summary is shown, and the other sections (four params tables among them) were most of the
        // window's nodes to style and lay out before its first paint (issue 8, item 5).
        functionSection = new LazySection(() -> {
            FunctionProperties f = vm.function;
            missingConfig.getStyleClass().add("field-error");
            missingConfig.setWrapText(true);
            Button create = new Button("Create function config");
            create.setId("createConfigButton");
            create.setOnAction(e -> f.createConfig());
            VBox missing = new VBox(4, missingConfig, create);
            missing.managedProperty().bind(missing.visibleProperty());
            renameCode.setId("renameCodeToo");
            renameCode.selectedProperty().bindBidirectional(f.renameCode);
            renameCode.managedProperty().bind(renameCode.visibleProperty());
            renameCode.setTooltip(new javafx.scene.control.Tooltip("Renaming the function also renames its code: the file and class"
                    + " when named after it, and the name the code registers. Untick to keep the code as it is."));
            return section("Function", missing, FieldViews.text(f.name), renameCode, FieldViews.choice(f.mode, false, ""),
                    FieldViews.text(f.sourceName), FieldViews.text(f.must), FieldViews.searchableChoice(f.connector, "(none)"),
                    FieldViews.text(f.retryTimes), FieldViews.text(f.retryInterval), FieldViews.params(f.defaultParams));
        });
        cardSection = new LazySection(() -> section("This card", FieldViews.params(vm.cardParams)));
        flowSection = new LazySection(() -> section("Flow", FieldViews.text(vm.flow.name), FieldViews.choice(vm.flow.status, true, "")));
        connectorSection = new LazySection(() -> {
            ConnectorProperties c = vm.connector;
            bindings.getStyleClass().add("field-hint");
            bindings.setWrapText(true);
            // wraps in the narrow side panel instead of ending in "…" (it was cut at the default window size)
            Label bindingsLabel = new Label("Bound functions (written as load / save)");
            bindingsLabel.setId("connectorBindingsLabel");
            bindingsLabel.setWrapText(true);
            bindingsLabel.setMinHeight(Region.USE_PREF_SIZE);
            bindingsLabel.getStyleClass().add("field-label");
            return section("Connector", FieldViews.text(c.name), FieldViews.choice(c.type, true, ""),
                    FieldViews.text(c.addrs), FieldViews.text(c.key), FieldViews.params(c.params), new VBox(3, bindingsLabel, bindings));
        });
        globalSection = new LazySection(() -> {
            GlobalProperties g = vm.global;
            globalNote.getStyleClass().add("field-hint");
            globalNote.setWrapText(true);
            globalNote.managedProperty().bind(globalNote.visibleProperty());
            return section("Global config", globalNote, FieldViews.check(g.prometheusEnable, "Collect metrics (prometheus_enable)"),
                    FieldViews.check(g.prometheusListen, "Serve metrics (prometheus_listen)"), FieldViews.text(g.prometheusServe));
        });
        nothingSection = new LazySection(() -> {
            summary.getStyleClass().add("field-hint");
            summary.setWrapText(true);
            Button globalButton = new Button("Edit global config");
            globalButton.setId("editGlobalButton");
            globalButton.setOnAction(e -> vm.selectGlobal());
            Label hint = new Label("Select a card, lane, function or connector to edit it. Every change is live and can be undone (Ctrl+Z).");
            hint.setWrapText(true);
            hint.getStyleClass().add("field-hint");
            return section("Project", summary, hint, globalButton);
        });

        VBox content = new VBox(10, heading, cardSection.slot, functionSection.slot, flowSection.slot, connectorSection.slot,
                globalSection.slot, nothingSection.slot);
        content.getStyleClass().add("properties-content");
        setContent(content);
        vm.refreshesProperty().addListener((o, a, b) -> update());
        vm.renameRequestsProperty().addListener((o, a, b) -> focusName());
        update();
    }

    private static VBox section(String title, Node... children) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(8, t);
        box.getChildren().addAll(children);
        box.getStyleClass().add("properties-section");
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void update() {
        PropertiesViewModel.Shown s = vm.shown();
        boolean card = s == PropertiesViewModel.Shown.CARD;
        cardSection.show(card);
        boolean hasFunc = vm.function.func() != null;
        if (functionSection.show(card || s == PropertiesViewModel.Shown.FUNCTION)) {
            functionSection.content().getChildren().forEach(n -> {
                if (n instanceof VBox box && box.getStyleClass().contains("field")) {
                    box.setDisable(!hasFunc);
                    box.setVisible(hasFunc);
                    box.setManaged(hasFunc);
                }
            });
            ((Node) missingConfig.getParent()).setVisible(!hasFunc && card);
            missingConfig.setText("Function " + vm.function.subject() + " has no config in this project: the flow cannot run until it has one.");
            // the choice is offered only where there is code to rename
            renameCode.setVisible(hasFunc && vm.function.codeFile() != null);
        }
        flowSection.show(card || s == PropertiesViewModel.Shown.FLOW);
        if (connectorSection.show(s == PropertiesViewModel.Shown.CONNECTOR)) {
            bindings.setText(vm.connector.bindingsText());
        }
        if (globalSection.show(s == PropertiesViewModel.Shown.GLOBAL)) {
            globalNote.setVisible(!vm.global.exists());
        }
        if (nothingSection.show(s == PropertiesViewModel.Shown.NOTHING)) {
            summary.setText(vm.projectSummary());
        }
    }

    /**
     * A section's place in the panel, empty until the section is first shown. A built section stays
     * (hidden when not called for), so a field keeps its node and focus as the selection moves.
     */
    private static final class LazySection {
        final VBox slot = new VBox();
        private final java.util.function.Supplier<VBox> build;
        private VBox content;

        LazySection(java.util.function.Supplier<VBox> build) {
            this.build = build;
            slot.managedProperty().bind(slot.visibleProperty());
            slot.setVisible(false);
        }

        /** Shows or hides the section, building it the first time it is shown; true when it is built. */
        boolean show(boolean on) {
            if (on && content == null) {
                content = build.get();
                slot.getChildren().add(content);
            }
            slot.setVisible(on);
            return content != null;
        }

        VBox content() {
            return content;
        }
    }

    private void focusName() {
        String id = switch (vm.shown()) {
            case CARD, FUNCTION -> vm.function.name.id();
            case FLOW -> vm.flow.name.id();
            case CONNECTOR -> vm.connector.name.id();
            default -> null;
        };
        if (id != null && lookup("#" + FieldViews.nodeId(id)) instanceof TextField tf) {
            tf.requestFocus();
            tf.selectAll();
        }
    }
}
