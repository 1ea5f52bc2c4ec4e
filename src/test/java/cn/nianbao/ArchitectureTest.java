package cn.nianbao;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures;
import java.util.ArrayList;
import java.util.List;
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
                .layer("api").definedBy("cn.nianbao")
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
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("round").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("api", "round", "cli")
                .whereLayer("reconcile").mayOnlyBeAccessedByLayers("api", "report", "round", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("api", "reconcile", "report", "round", "cli")
                .whereLayer("read").mayOnlyBeAccessedByLayers("api", "check", "reconcile", "report", "round", "cli")
                .whereLayer("template").mayOnlyBeAccessedByLayers("api", "report", "round", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("api", "template", "read", "check", "reconcile", "report", "round", "cli")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("api", "model", "template", "read", "check", "reconcile", "report", "round", "cli")
                .whereLayer("util").mayOnlyBeAccessedByLayers("api", "spec", "model", "template", "read", "check", "reconcile", "report",
                        "round", "cli");
        layers.check(MAIN);
    }

    /** The packages a program may use: the entry points and the values they take and give. */
    static final String[] API = {"cn.nianbao", "cn.nianbao.model..", "cn.nianbao.spec.."};

    /** Whether a type is part of what the API may show: its own packages, the JDK, nothing internal or POI. */
    static boolean shown(JavaClass t) {
        JavaClass c = t.isArray() ? t.getBaseComponentType() : t;
        String p = c.getPackageName();
        return c.isPrimitive() || p.startsWith("java.") || p.equals("cn.nianbao") || p.startsWith("cn.nianbao.model")
                || p.startsWith("cn.nianbao.spec");
    }

    @Test
    void theApiShowsNoInternalTypeAndNoPoiType() {
        ArchCondition<JavaMember> onlyApiTypes = new ArchCondition<>("use only API, JDK types in their signatures") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>();
                if (member instanceof JavaCodeUnit u) {
                    types.addAll(u.getRawParameterTypes());
                    types.add(u.getRawReturnType());
                    u.getThrowsClause().forEach(t -> types.add(t.getRawType()));
                } else if (member instanceof JavaField f) {
                    types.add(f.getRawType());
                }
                for (JavaClass t : types) {
                    if (!shown(t)) {
                        events.add(SimpleConditionEvent.violated(member, member.getFullName() + " shows " + t.getName()));
                    }
                }
            }
        };
        ArchRuleDefinition.members().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage(API)
                .should(onlyApiTypes).check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("cn.nianbao.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
