package org.vigil.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of DESIGN.md true: a module's classes use only the modules it
 * may depend on. Maven already forbids a dependency missing from a pom; this catches an
 * arrow added to a pom that DESIGN.md does not allow, and cycles through app.
 */
class ArchitectureTest {

    /** DESIGN.md's table: module -> modules it may depend on. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "theatre", Set.of(),
            "posture", Set.of("theatre"),
            "isr", Set.of("theatre"),
            "track", Set.of("theatre"),
            "sim", Set.of("theatre", "isr", "track"),
            "cot", Set.of("theatre"),
            "store", Set.of(),
            "watch", Set.of("theatre", "track", "cot", "store"));

    static final List<String> MODULES = List.of("theatre", "posture", "isr", "track", "sim", "cot", "store", "watch", "app");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vigil");
    }

    @Test
    void modulesDependOnlyOnWhatDesignAllows() {
        ALLOWED.forEach((module, allowed) -> {
            String[] forbidden = MODULES.stream().filter(m -> !m.equals(module) && !allowed.contains(m))
                    .map(m -> "org.vigil." + m + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.vigil." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("DESIGN.md allows " + module + " to depend only on " + allowed)
                    .allowEmptyShould(true)
                    .check(classes);
        });
    }

    @Test
    void theCoreModulesArePresentAndChecked() {
        // Guard against the rule above passing vacuously because nothing was imported.
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.vigil.theatre"))
                .anyMatch(p -> p.startsWith("org.vigil.posture"))
                .anyMatch(p -> p.startsWith("org.vigil.app"));
    }
}
