package dev.oms.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of the design, checked on the compiled classes so that a violation fails the build. */
class ArchitectureTest {
    private static final List<String> SERVICES =
            List.of("cart", "order", "inventory", "payment", "fulfillment", "notification", "projections");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.oms");
    }

    @Test
    void noServiceUsesAnotherServicesCode() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "dev.oms." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.oms." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void sagaAndMessagingStayPlainJava() {
        noClasses().that().resideInAnyPackage("dev.oms.saga..", "dev.oms.messaging..", "dev.oms.contracts..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void theBffReachesServicesOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("dev.oms.bff..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.oms.cart.domain..", "dev.oms.cart.adapters..", "dev.oms.projections.internal..",
                        "dev.oms.notification..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.oms.bff..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.oms.order..", "dev.oms.inventory..",
                                "dev.oms.fulfillment..", "dev.oms.payment..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("dev.oms.order.api", "dev.oms.inventory.api",
                                "dev.oms.fulfillment.api", "dev.oms.payment.api")))
                .check(classes);
    }

    @Test
    void domainCodeDoesNoIo() {
        noClasses().that().resideInAPackage("dev.oms.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.kafka..",
                        "org.springframework..")
                .check(classes);
    }
}
