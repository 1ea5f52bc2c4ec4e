package cn.nianbao;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The package drawing of README's layout section, as a test: the packages follow the data's
 * journey (spec → model → template / read → check → reconcile → report → round → cli), each may use
 * only those before it, and there are no cycles. A wrong-way arrow fails the build the day it appears.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nianbao");

    @Test
    void packagesDependOnlyOnThoseBeforeThemInTheDataJourney() {
        ArchRule layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("util").definedBy("cn.nianbao.util..")
                .layer("spec").definedBy("cn.nianbao.spec..")
                .layer("model").definedBy("cn.nianbao.model..")
                .layer("template").definedBy("cn.nianbao.template..")
                .layer("read").definedBy("cn.nianbao.read..")
                .layer("check").definedBy("cn.nianbao.check..")
                .layer("reconcile").definedBy("cn.nianbao.reconcile..")
                .layer("report").definedBy("cn.nianbao.report..")
                .layer("round").definedBy("cn.nianbao.round..")
                .layer("cli").definedBy("cn.nianbao.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("round").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("round", "cli")
                .whereLayer("reconcile").mayOnlyBeAccessedByLayers("report", "round", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("reconcile", "report", "round", "cli")
                .whereLayer("read").mayOnlyBeAccessedByLayers("check", "reconcile", "report", "round", "cli")
                .whereLayer("template").mayOnlyBeAccessedByLayers("report", "round", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("template", "read", "check", "reconcile", "report", "round", "cli")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("model", "template", "read", "check", "reconcile", "report", "round", "cli")
                .whereLayer("util").mayOnlyBeAccessedByLayers("spec", "model", "template", "read", "check", "reconcile", "report",
                        "round", "cli");
        layers.check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("cn.nianbao.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
