package io.kisflow.designer.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Project files are plain logic the UI binds to: no toolkit, no engine, no other designer code. */
class ProjectPackageTest {
    @Test
    void projectFilesNeverImportTheToolkitTheEngineOrTheRestOfTheDesigner() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kisflow.designer.project");
        noClasses().that().resideInAPackage("io.kisflow.designer.project..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.kisflow.engine..")
                .orShould().dependOnClassesThat().resideInAPackage("io.kisflow.designer")
                .check(classes);
    }
}
