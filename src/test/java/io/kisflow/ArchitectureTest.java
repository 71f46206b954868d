package io.kisflow;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The direction of the project's dependencies (docs/ARCHITECTURE.md), checked on the main classes,
 * imported once for all rules: config ← engine ← code (function sources) and flowtest (flow test cases) ← cli and designer, engine ← samples ← cli, config and engine ← designer, and
 * only the launcher sees the command line and the designer. The designer reaches the samples only
 * through plugin loading (ServiceLoader), never by name; its packages form no cycle; the debugger's
 * core and the edit model stay free of JavaFX's scene graph, so they are tested without a window.
 */
@AnalyzeClasses(packages = "io.kisflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Config").definedBy("io.kisflow.config..")
            .layer("Engine").definedBy("io.kisflow.engine..")
            .layer("Code").definedBy("io.kisflow.code..")
            .layer("Connect").definedBy("io.kisflow.connect..")
            .layer("FlowTest").definedBy("io.kisflow.flowtest..")
            .layer("Samples").definedBy("io.kisflow.samples..")
            .layer("Serve").definedBy("io.kisflow.serve..")
            .layer("Cli").definedBy("io.kisflow.cli..")
            .layer("Designer").definedBy("io.kisflow.designer..")
            .layer("Launcher").definedBy("io.kisflow")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Designer").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Samples").mayOnlyBeAccessedByLayers("Cli")
            // the Kafka service is headless: the command line starts it; the designer runs it only in a child
            // process and uses the package for the deployment file it exports (Deployment)
            .whereLayer("Serve").mayOnlyBeAccessedByLayers("Cli", "Designer")
            // the compiler of functions/*.java is headless and sits between the engine and its users
            .whereLayer("Code").mayOnlyBeAccessedByLayers("Cli", "Designer")
            // flow test cases and their runner are headless: the command line runs them, the designer will
            .whereLayer("FlowTest").mayOnlyBeAccessedByLayers("Cli", "Designer")
            // the built-in connector types are found by the engine through ServiceLoader, never by name
            .whereLayer("Connect").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Code", "Connect", "FlowTest", "Samples", "Serve", "Cli", "Designer")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Engine", "Code", "Connect", "FlowTest", "Samples", "Serve", "Cli", "Designer");

    @ArchTest
    static final ArchRule headlessLayersNeverTouchJavaFx = noClasses()
            .that().resideInAnyPackage("io.kisflow.config..", "io.kisflow.engine..", "io.kisflow.code..", "io.kisflow.connect..", "io.kisflow.flowtest..", "io.kisflow.samples..", "io.kisflow.serve..", "io.kisflow.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule designerPackagesHaveNoCycles = slices()
            .matching("io.kisflow.designer.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule debuggerCoreAndEditModelNeverTouchTheSceneGraph = noClasses()
            .that().resideInAnyPackage("io.kisflow.designer.debug", "io.kisflow.designer.debug.data",
                    "io.kisflow.designer.debug.diff", "io.kisflow.designer.debug.input", "io.kisflow.designer.debug.inspect",
                    "io.kisflow.designer.debug.link", "io.kisflow.designer.edit..", "io.kisflow.designer.document..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..");
}
