package io.mtlslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of STYLE.md, stated as rules: app and cli → scenario → call/server → tls → pki. */
class ArchitectureTest {

    private static final String[] CORE = {"io.mtlslab.pki..", "io.mtlslab.tls..", "io.mtlslab.server..",
        "io.mtlslab.call..", "io.mtlslab.diagnose..", "io.mtlslab.scenario..", "io.mtlslab.workshop..", "io.mtlslab.hmac..",
        "io.mtlslab.load..", "io.mtlslab.audit.."};

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mtlslab");
    }

    @Test
    void coreKnowsNothingOfJavaFxOrControlsFx() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..").check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("io.mtlslab.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("picocli..").check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackages("io.mtlslab.cli..", "io.mtlslab").should()
                .accessField(System.class, "out").check(classes);
    }

    @Test
    void coreDoesNotReachUpIntoTheFrontEnds() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("io.mtlslab.app..", "io.mtlslab.cli..").check(classes);
    }

    @Test
    void pkiDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("io.mtlslab.pki..").should().dependOnClassesThat()
                .resideInAnyPackage("io.mtlslab.tls..", "io.mtlslab.server..", "io.mtlslab.call..",
                        "io.mtlslab.diagnose..", "io.mtlslab.scenario..")
                .check(classes);
    }

    @Test
    void guiAndCommandLineDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.mtlslab.app..").should().dependOnClassesThat()
                .resideInAPackage("io.mtlslab.cli..").check(classes);
        noClasses().that().resideInAPackage("io.mtlslab.cli..").should().dependOnClassesThat()
                .resideInAPackage("io.mtlslab.app..").check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.mtlslab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
