package dev.oms.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** deploy/k8s/oms.yaml, read as Kubernetes objects: every deployable there, each operable, the BFF reachable. */
class KubernetesManifestsTest {
    private static final Set<String> DEPLOYABLES = Set.of("cart", "order", "inventory", "payment", "fulfillment",
            "notification", "webhooks", "projections", "audit", "bff");

    private static List<HasMetadata> manifests() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "k8s", "oms.yaml"))) {
            Object parsed = Serialization.unmarshal(in);
            if (parsed instanceof List<?> documents) {
                return documents.stream().map(HasMetadata.class::cast).toList();
            }
            return parsed instanceof KubernetesList list ? list.getItems() : List.of((HasMetadata) parsed);
        }
    }

    private static <T> List<T> of(Class<T> kind) throws Exception {
        return manifests().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void everyDeployableHasADeploymentOfTheOneImageWithItsCommand() throws Exception {
        List<Deployment> deployments = of(Deployment.class);

        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DEPLOYABLES);
        assertThat(deployments).allSatisfy(d -> {
            Container container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("localhost/oms:latest");
            assertThat(container.getArgs()).startsWith("service", d.getMetadata().getName());
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        });
    }

    @Test
    void everyDeploymentIsProbedLimitedConfiguredAndCoveredByADisruptionBudget() throws Exception {
        Set<String> budgets = of(PodDisruptionBudget.class).stream()
                .map(b -> b.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet());

        assertThat(of(Deployment.class)).allSatisfy(d -> {
            Container container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getEnvFrom()).extracting(e -> e.getConfigMapRef() == null ? e.getSecretRef().getName()
                    : e.getConfigMapRef().getName()).containsExactly("oms-config", "oms-secrets");
            assertThat(budgets).contains(d.getMetadata().getName());
        });
    }

    @Test
    void theBffAndTheServicesItCallsAreBehindServicesOnThePortsItIsGiven() throws Exception {
        ConfigMap config = of(ConfigMap.class).get(0);
        List<Service> services = of(Service.class);

        assertThat(services).extracting(s -> s.getMetadata().getName()).contains("bff", "cart", "order", "inventory");
        for (String called : List.of("cart", "order", "inventory")) {
            int port = services.stream().filter(s -> s.getMetadata().getName().equals(called)).findFirst().orElseThrow()
                    .getSpec().getPorts().get(0).getPort();
            assertThat(config.getData()).containsEntry("OMS_" + called.toUpperCase() + "_URL", "http://" + called + ":" + port);
        }
    }
}
