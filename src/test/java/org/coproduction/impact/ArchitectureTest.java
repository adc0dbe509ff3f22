package org.coproduction.impact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.LocalDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

/**
 * House rules (STYLE.md 9) that Spring Modulith does not check, each with its reason. The
 * precompiled templates are imported too: what a page does with a date is code like any other.
 */
@AnalyzeClasses(
        packages = {"org.coproduction.impact", "gg.jte.generated.precompiled"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = CoproductionImpactApplication.class.getPackageName();

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areAnnotatedWith(Controller.class)
            .or().areMetaAnnotatedWith(Controller.class)
            .should().resideInAPackage("..web..")
            .because("a module's web layer is internal to it and reaches the module only through its public service");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().areAnnotatedWith(Controller.class)
            .or().areMetaAnnotatedWith(Controller.class)
            .should().notBePublic()
            .because("nothing should call a controller but Spring MVC");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("constructor injection makes dependencies visible and classes testable without Spring");

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notBePublic()
            .because("other modules must go through a module's service, which scopes every query by organisation");

    @ArchTest
    static final ArchRule instantsAreInstantOrOffsetDateTime = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(java.util.Date.class, java.sql.Timestamp.class, LocalDateTime.class)
            .because("a moment in time needs its offset: use Instant or OffsetDateTime, never Date, Timestamp or LocalDateTime");

    @ArchTest
    static final ArchRule noJpaNorLombok = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "lombok..")
            .because("we use Spring Data JDBC and JdbcClient with visible SQL, and records instead of Lombok");

    @ArchTest
    static final ArchRule webPackagesAreUsedOnlyByTheirOwnModule = classes()
            .that().resideInAPackage(BASE + ".*.web..")
            .and().resideOutsideOfPackage(BASE + ".shared..")
            .should(beUsedOnlyFromTheirOwnModule())
            .because("pages belong to one feature; the shared module's web package is the layout glue every page uses");

    /** Every class depending on this one sits in the same top-level module (or outside our code). */
    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnModule() {
        return new ArchCondition<>("be used only from their own module") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String module = moduleOf(target);
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    String from = moduleOf(origin);
                    if (from != null && !from.equals(module)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return null;
        }
        String rest = name.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
