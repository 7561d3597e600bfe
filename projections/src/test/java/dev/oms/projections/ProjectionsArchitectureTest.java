package dev.oms.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.oms.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule usesNoSpring = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /** The BFF and any remote client compile against the api alone, so it must not drag in JDBC, Kafka or Protobuf. */
    @ArchTest
    static final ArchRule apiDependsOnTheJdkAlone = classes().that().resideInAPackage("dev.oms.projections.api")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.oms.projections.api");

    @ArchTest
    static final ArchRule readsNoOtherServicesClasses = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.oms.cart..", "dev.oms.order..", "dev.oms.inventory..", "dev.oms.payment..",
                    "dev.oms.fulfillment..", "dev.oms.notification..", "dev.oms.saga..");
}
