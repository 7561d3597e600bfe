package dev.oms.bff;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md §2: the BFF reads from projections and writes through the services' published command APIs only. */
@AnalyzeClasses(packages = "dev.oms.bff", importOptions = ImportOption.DoNotIncludeTests.class)
class BffArchitectureTest {

    @ArchTest
    static final ArchRule reachesProjectionsOnlyThroughTheirApi = noClasses().should().dependOnClassesThat(
            resideInAPackage("dev.oms.projections..").and(resideOutsideOfPackage("dev.oms.projections.api")));

    @ArchTest
    static final ArchRule reachesTheCartOnlyThroughItsCommandApi = noClasses().should().dependOnClassesThat(
            resideInAPackage("dev.oms.cart..").and(resideOutsideOfPackage("dev.oms.cart.api")));

    @ArchTest
    static final ArchRule reachesOrdersInventoryAndTheWarehouseOnlyThroughTheirCommandApis = noClasses().should()
            .dependOnClassesThat(resideInAnyPackage("dev.oms.order..", "dev.oms.inventory..", "dev.oms.fulfillment..",
                            "dev.oms.payment..")
                    .and(resideOutsideOfPackages("dev.oms.order.api", "dev.oms.inventory.api", "dev.oms.fulfillment.api",
                            "dev.oms.payment.api")));

    @ArchTest
    static final ArchRule touchesNoMessagingNorOtherServices = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.oms.messaging..", "dev.oms.contracts..", "dev.oms.infra..", "dev.oms.saga..",
                    "dev.oms.notification..");
}
