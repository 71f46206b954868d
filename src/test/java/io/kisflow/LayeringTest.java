package io.kisflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The config model and the engine never see the UI; the designer depends on them, never the reverse. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kisflow");

    @Test
    void configAndEngineNeverImportJavaFxOrTheDesigner() {
        noClasses().that().resideInAnyPackage("io.kisflow.config..", "io.kisflow.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.kisflow.designer..")
                .check(classes);
    }

    @Test
    void configNeverImportsTheEngineOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.kisflow.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kisflow.engine..", "io.kisflow.cli..")
                .check(classes);
    }

    @Test
    void engineNeverImportsTheCommandLine() {
        noClasses().that().resideInAPackage("io.kisflow.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.kisflow.cli..")
                .check(classes);
    }

    /** config <- engine <- code <- {cli, designer}: the compiler of functions/*.java is headless and below its users. */
    @Test
    void functionSourcesSitBetweenTheEngineAndItsUsers() {
        noClasses().that().resideInAnyPackage("io.kisflow.config..", "io.kisflow.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.kisflow.code..")
                .check(classes);
        noClasses().that().resideInAPackage("io.kisflow.code..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kisflow.cli..", "io.kisflow.designer..", "javafx..")
                .check(classes);
    }
}
