package com.payhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.config.EmbeddedBrokerConfig;
import com.payhub.deploy.OpenShiftManifests.GeneratedConfigMap;
import com.payhub.deploy.OpenShiftManifests.Rendered;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.HierarchicalObjectRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.convert.DurationStyle;

/**
 * Every manifest under {@code openshift/} parsed with the fabric8 Kubernetes/OpenShift model, each
 * kustomization rendered ({@link OpenShiftManifests}), and the rendering held against what the hub
 * really reads ({@link OpenShiftHubReads}): its probe paths, environment, mounted folders and key
 * files, its queues and dead-letter settings, its graceful shutdown. {@code DeploymentEnvIT} then
 * runs the hub with the rendered Deployment's environment and mounts.
 */
class OpenShiftManifestsTest {

  private static final OpenShiftHubReads HUB = OpenShiftHubReads.load();

  private static final Set<String> RESTRICTED_V2_VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  // --- every file ---

  @Test
  void everyManifestUnderOpenshiftIsAModelObjectWithoutUnknownFields() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(OpenShiftManifests.root())) {
      files = walk.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    List<String> problems = new ArrayList<>();
    int objects = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.equals("kustomization.yaml")) {
        assertThat(OpenShiftManifests.documents(file).get(0).get("kind"))
            .as(file.toString())
            .isEqualTo("Kustomization");
        continue;
      }
      if (file.getParent().getFileName().toString().equals(OpenShiftHubReads.CONFIG_DIR)) {
        continue; // the hub's own configuration files (mounted from a ConfigMap), not manifests
      }
      for (Map<String, Object> doc : OpenShiftManifests.documents(file)) {
        assertThat(doc.get("kind")).as(file + ": a document without a kind").isNotNull();
        if ("delete".equals(doc.get("$patch"))) {
          continue; // a delete patch names its target only
        }
        HasMetadata object = OpenShiftManifests.typed(doc);
        objects++;
        if (object instanceof GenericKubernetesResource) {
          assertThat(doc.get("kind"))
              .as(file + ": a kind the fabric8 model does not know")
              .isEqualTo("ActiveMQArtemis");
        } else {
          unknownFields(object, file + " " + doc.get("kind"), problems, 0);
        }
      }
    }
    assertThat(objects).isGreaterThan(10);
    assertThat(problems).as("fields the model does not have (typos?)").isEmpty();
  }

  @Test
  void noSecretIsInTheRepositoryOnlyReferences() throws IOException {
    try (Stream<Path> walk = Files.walk(OpenShiftManifests.root())) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file + ": key material").doesNotContain("-----BEGIN");
        for (Map<String, Object> doc : OpenShiftManifests.documents(file)) {
          assertThat(doc.get("kind")).as(file.toString()).isNotEqualTo("Secret");
          assertThat(doc).as(file.toString()).doesNotContainKeys("stringData");
        }
      }
    }
  }

  // --- each rendered kustomization ---

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void probesAreTheHealthGroupsTheHubServesOnItsHttpPort(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Map<String, String> served = HUB.probePaths();
    assertThat(served).containsKeys("liveness", "readiness");
    Container c = hub.container();
    assertThat(path(c.getLivenessProbe())).isEqualTo(served.get("liveness"));
    assertThat(path(c.getStartupProbe())).isEqualTo(served.get("liveness"));
    assertThat(path(c.getReadinessProbe())).isEqualTo(served.get("readiness"));
    int serverPort = Integer.parseInt(HUB.value("server.port", hub.profiles()).orElse("8080"));
    for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
      String port = probe.getHttpGet().getPort().getStrVal();
      assertThat(hub.containerPort(port).getContainerPort())
          .as("the probes' port is the hub's server.port")
          .isEqualTo(serverPort);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyEnvironmentVariableIsAPropertyTheHubReads(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    List<String> unread = new ArrayList<>();
    for (EnvVar e : hub.container().getEnv()) {
      Optional<String> property = HUB.propertyOf(e.getName(), hub.profiles());
      if (property.isEmpty()) {
        unread.add(e.getName());
      }
    }
    assertThat(unread).as("variables no property of the hub maps to").isEmpty();
    assertThat(hub.container().getEnvFrom()).as("every variable named here").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void credentialsComeFromSecretsAndLiteralsCarryNone(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Pattern credential = Pattern.compile(".*(PASSWORD|USERNAME|_USER|SECRET|TOKEN)$");
    for (EnvVar e : hub.container().getEnv()) {
      if (credential.matcher(e.getName()).matches()
          || e.getName().startsWith("SPRING_DATASOURCE")) {
        assertThat(e.getValueFrom())
            .as(e.getName() + " from a Secret")
            .isNotNull()
            .extracting(v -> v.getSecretKeyRef())
            .isNotNull();
      } else if (e.getValue() != null) {
        assertThat(e.getValue())
            .as(e.getName() + ": credentials in a literal value")
            .doesNotContainPattern("(?i)(password|passwd|pwd|user)=")
            .doesNotContainPattern("//[^/@]+:[^/@]+@");
      }
    }
    Map<String, Object> spec =
        OpenShiftManifests.map(
            hub.rendered.get("ActiveMQArtemis", brokerName(hub)).get("spec"), "");
    assertThat(spec).doesNotContainKeys("adminUser", "adminPassword");
    assertThat(hub.rendered.all("Secret")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void securityContextPassesRestrictedV2(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    PodSpec pod = hub.pod();
    PodSecurityContext psc = pod.getSecurityContext();
    assertThat(psc.getRunAsNonRoot()).isTrue();
    assertThat(psc.getRunAsUser()).as("restricted-v2 assigns the UID").isNull();
    assertThat(psc.getFsGroup()).as("restricted-v2 assigns the fsGroup").isNull();
    assertThat(psc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
    for (Container c : pod.getContainers()) {
      SecurityContext sc = c.getSecurityContext();
      assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
      assertThat(sc.getPrivileged()).isNotEqualTo(Boolean.TRUE);
      assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
      assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
      assertThat(sc.getRunAsUser()).isNull();
      assertThat(sc.getRunAsNonRoot()).isNotEqualTo(Boolean.FALSE);
      assertThat(c.getPorts()).allSatisfy(p -> assertThat(p.getHostPort()).isNull());
    }
    for (Map<String, Object> v : volumesRaw(hub)) {
      Set<String> types = new TreeSet<>(v.keySet());
      types.remove("name");
      assertThat(RESTRICTED_V2_VOLUMES).as("volume " + v.get("name")).containsAll(types);
    }
    // the root file system is read-only: every folder the hub writes is a writable volume
    for (String written : List.of("/tmp", hub.dataDir())) {
      VolumeMount m = hub.mountAt(written);
      assertThat(m.getReadOnly()).as(written).isNotEqualTo(Boolean.TRUE);
      assertThat(hub.volume(m.getName()).getEmptyDir()).as(written + " emptyDir").isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyMountIsAFolderTheHubReadsOrWrites(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Set<String> secretFiles = hub.keyFilesRead();
    for (VolumeMount m : hub.container().getVolumeMounts()) {
      String path = m.getMountPath();
      Volume v = hub.volume(m.getName());
      assertThat(m.getSubPath()).as(path + ": subPath mounts miss Secret updates").isNull();
      if (path.equals("/tmp") || path.equals(hub.dataDir())) {
        assertThat(v.getEmptyDir()).as(path).isNotNull();
      } else if (path.equals(hub.routesDir())) {
        assertThat(hub.generatedBehind(v).baseName()).isEqualTo("payhub-routes");
      } else if (path.equals(hub.adaptersDir())) {
        assertThat(hub.generatedBehind(v).baseName()).isEqualTo("payhub-channel-adapters");
      } else if (path.equals(hub.configDir())) {
        assertThat(hub.generatedBehind(v).files().keySet())
            .allSatisfy(f -> assertThat(f).matches("application(-[a-z]+)?\\.yaml"));
      } else {
        assertThat(v.getSecret())
            .as(path + ": a mount that is none of the hub's folders")
            .isNotNull();
        assertThat(secretFiles)
            .as(path + ": a Secret mounted where the hub reads no key file")
            .anyMatch(f -> f.startsWith(path + "/"));
      }
      if (v.getSecret() != null || v.getConfigMap() != null) {
        assertThat(m.getReadOnly()).as(path).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void secretItemsAreExactlyTheKeyFilesTheHubReads(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Set<String> mounted = new TreeSet<>();
    for (VolumeMount m : hub.container().getVolumeMounts()) {
      Volume v = hub.volume(m.getName());
      if (v.getSecret() != null) {
        assertThat(v.getSecret().getItems()).as(m.getMountPath() + ": items named").isNotEmpty();
        assertThat(v.getSecret().getDefaultMode() & 0440).isEqualTo(0440);
        for (KeyToPath item : v.getSecret().getItems()) {
          mounted.add(m.getMountPath() + "/" + item.getPath());
        }
      }
    }
    assertThat(mounted).isEqualTo(hub.keyFilesRead());
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void routeFilesAreMountedWhereTheHubLoadsThem(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Path repo = Path.of("").toAbsolutePath();
    for (String dir : List.of(hub.routesDir(), hub.adaptersDir())) {
      VolumeMount m = hub.mountAt(dir);
      Volume v = hub.volume(m.getName());
      GeneratedConfigMap cm = hub.generatedBehind(v);
      Path source = repo.resolve(dir.substring(hub.workingDir().length() + 1));
      Map<String, String> projected = new LinkedHashMap<>(); // path in the mount -> key
      if (v.getConfigMap().getItems() == null || v.getConfigMap().getItems().isEmpty()) {
        cm.files().keySet().forEach(k -> projected.put(k, k));
      } else {
        v.getConfigMap().getItems().forEach(i -> projected.put(i.getPath(), i.getKey()));
      }
      assertThat(new TreeSet<>(projected.values()))
          .as(dir + ": every key of the ConfigMap mounted")
          .isEqualTo(new TreeSet<>(cm.files().keySet()));
      for (Map.Entry<String, String> e : projected.entrySet()) {
        assertThat(cm.files().get(e.getValue()))
            .as(dir + "/" + e.getKey() + " is the repository's file")
            .isEqualTo(source.resolve(e.getKey()));
      }
      assertThat(new TreeSet<>(projected.keySet())).isEqualTo(routeFiles(source));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void gracePeriodCoversTheGracefulShutdown(String kustomization) {
    Hub hub = Hub.of(OpenShiftManifests.render(kustomization));
    Set<String> profiles = hub.profiles();
    assertThat(HUB.value("server.shutdown", profiles)).contains("graceful");
    long preStop = 0;
    if (hub.container().getLifecycle() != null
        && hub.container().getLifecycle().getPreStop() != null) {
      List<String> command = hub.container().getLifecycle().getPreStop().getExec().getCommand();
      assertThat(command.get(0)).isEqualTo("sleep");
      preStop = Long.parseLong(command.get(1));
    }
    Duration phase =
        HUB.value("spring.lifecycle.timeout-per-shutdown-phase", profiles)
            .map(DurationStyle::detectAndParse)
            .orElse(Duration.ofSeconds(OpenShiftHubReads.SHUTDOWN_PHASE_TIMEOUT_DEFAULT));
    long camel =
        HUB.value("camel.main.shutdown-timeout", profiles)
            .map(Long::parseLong)
            .orElse((long) OpenShiftHubReads.CAMEL_SHUTDOWN_TIMEOUT_DEFAULT);
    for (EnvVar e : hub.container().getEnv()) {
      assertThat(HUB.propertyOf(e.getName(), profiles))
          .as("the shutdown timeouts are the configuration's, not overridden here")
          .isNotIn(
              Optional.of("spring.lifecycle.timeout-per-shutdown-phase"),
              Optional.of("camel.main.shutdown-timeout"));
    }
    assertThat(hub.pod().getTerminationGracePeriodSeconds())
        .isGreaterThanOrEqualTo(preStop + phase.toSeconds() + camel);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void serviceMonitorHpaAndPdbTargetTheDeployment(String kustomization) {
    Rendered r = OpenShiftManifests.render(kustomization);
    Hub hub = Hub.of(r);
    Map<String, String> podLabels =
        hub.deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels)
        .containsAllEntriesOf(hub.deployment.getSpec().getSelector().getMatchLabels());

    Service service = r.typed("Service", "payhub", Service.class);
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    String portName = service.getSpec().getPorts().get(0).getName();
    assertThat(hub.containerPort(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()))
        .isNotNull();

    PodDisruptionBudget pdb = r.typed("PodDisruptionBudget", "payhub", PodDisruptionBudget.class);
    assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

    for (Map<String, Object> raw : r.all("HorizontalPodAutoscaler")) {
      HorizontalPodAutoscaler hpa =
          r.typed(
              "HorizontalPodAutoscaler",
              OpenShiftManifests.name(raw),
              HorizontalPodAutoscaler.class);
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
      assertThat(hpa.getSpec().getScaleTargetRef().getName())
          .isEqualTo(hub.deployment.getMetadata().getName());
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      assertThat(hub.container().getResources().getRequests()).containsKey("cpu");
    }

    ServiceMonitor sm = r.typed("ServiceMonitor", "payhub", ServiceMonitor.class);
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(sm.getSpec().getSelector().getMatchLabels());
    assertThat(sm.getSpec().getEndpoints()).hasSize(1);
    assertThat(sm.getSpec().getEndpoints().get(0).getPort()).isEqualTo(portName);
    assertThat(sm.getSpec().getEndpoints().get(0).getPath())
        .isEqualTo(HUB.actuatorBase() + "/prometheus");
    assertThat(HUB.value("management.endpoints.web.exposure.include", Set.of()).orElseThrow())
        .contains("prometheus");
    assertThat(hub.container().getResources().getLimits()).containsKey("memory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void routesAreEdgeTlsForThePublicPathsOnly(String kustomization) throws IOException {
    Rendered r = OpenShiftManifests.render(kustomization);
    Service service = r.typed("Service", "payhub", Service.class);
    Set<String> endpoints = publicEndpoints();
    List<Route> routes =
        r.all("Route").stream()
            .map(raw -> r.typed("Route", OpenShiftManifests.name(raw), Route.class))
            .toList();
    assertThat(routes).isNotEmpty();
    assertThat(routes.stream().map(x -> x.getSpec().getHost()).distinct()).hasSize(1);
    for (Route route : routes) {
      String path = route.getSpec().getPath();
      assertThat(route.getSpec().getTls().getTermination()).isEqualTo("edge");
      assertThat(route.getSpec().getTls().getInsecureEdgeTerminationPolicy()).isEqualTo("Redirect");
      assertThat(route.getSpec().getTo().getKind()).isEqualTo("Service");
      assertThat(route.getSpec().getTo().getName()).isEqualTo(service.getMetadata().getName());
      assertThat(route.getSpec().getPort().getTargetPort().getStrVal())
          .isEqualTo(service.getSpec().getPorts().get(0).getName());
      assertThat(path).as("a Route for every path would publish /actuator").isNotIn(null, "", "/");
      assertThat(under(HUB.actuatorBase(), path)).as(path + " publishes the actuator").isFalse();
      assertThat(under("/sandbox", path)).as(path + " publishes the sandboxes").isFalse();
      assertThat(endpoints).as(path + ": serves something").anyMatch(e -> under(e, path));
    }
    for (String endpoint : endpoints) {
      assertThat(routes)
          .as(endpoint + " reachable through a Route")
          .anyMatch(x -> under(endpoint, x.getSpec().getPath()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void brokerIsTheOperatorsArtemisWithTheHubsQueuesAndDeadLetters(String kustomization)
      throws Exception {
    Rendered r = OpenShiftManifests.render(kustomization);
    Hub hub = Hub.of(r);
    String name = brokerName(hub);
    Map<String, Object> cr = r.get("ActiveMQArtemis", name);
    assertThat(cr.get("apiVersion")).isEqualTo("broker.amq.io/v1beta1");
    Map<String, Object> spec = OpenShiftManifests.map(cr.get("spec"), "spec");
    Map<String, Object> plan = OpenShiftManifests.map(spec.get("deploymentPlan"), "deploymentPlan");
    assertThat(plan.get("persistenceEnabled")).isEqualTo(true);
    assertThat(plan.get("messageMigration")).isEqualTo(true);
    assertThat(plan.get("requireLogin")).isEqualTo(true);
    assertThat(plan.get("clustered")).isNotEqualTo(false);
    assertThat((Integer) plan.get("size")).isEqualTo(kustomization.endsWith("dev") ? 1 : 2);

    // the hub connects to the broker's core acceptor, with the operator's credentials Secret
    URI url = URI.create(hub.env("SPRING_ARTEMIS_BROKER_URL").getValue());
    assertThat(url.getScheme()).isEqualTo("tcp");
    assertThat(url.getHost()).isEqualTo(name + "-hdls-svc");
    assertThat(hub.env("SPRING_ARTEMIS_MODE").getValue()).isEqualTo("native");
    assertThat(hub.env("SPRING_ARTEMIS_EMBEDDED_ENABLED").getValue()).isEqualTo("false");
    List<Object> acceptors = OpenShiftManifests.list(spec.get("acceptors"));
    assertThat(acceptors)
        .anySatisfy(
            a -> {
              Map<String, Object> acceptor = OpenShiftManifests.map(a, "acceptor");
              assertThat(((String) acceptor.get("protocols")).toUpperCase()).contains("CORE");
              assertThat(acceptor.get("port")).isEqualTo(url.getPort());
            });
    for (String variable : List.of("SPRING_ARTEMIS_USER", "SPRING_ARTEMIS_PASSWORD")) {
      var ref = hub.env(variable).getValueFrom().getSecretKeyRef();
      assertThat(ref.getName()).isEqualTo(name + "-credentials-secret");
      assertThat(ref.getKey()).isEqualTo(variable.endsWith("USER") ? "AMQ_USER" : "AMQ_PASSWORD");
    }

    // the CR's address settings and broker properties, read by Artemis's own configuration
    ConfigurationImpl broker = new ConfigurationImpl();
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> settings = OpenShiftManifests.map(spec.get("addressSettings"), "");
    for (Object s : OpenShiftManifests.list(settings.get("addressSetting"))) {
      Map<String, Object> setting = new LinkedHashMap<>(OpenShiftManifests.map(s, "setting"));
      String match = (String) setting.remove("match");
      setting.forEach((k, v) -> properties.put("addressSettings.\"" + match + "\"." + k, v));
    }
    for (Object line : OpenShiftManifests.list(spec.get("brokerProperties"))) {
      String[] kv = ((String) line).split("=", 2);
      properties.put(kv[0], kv[1]);
    }
    broker.populateWithProperties(broker, "cr", properties);
    JsonNode errors = new ObjectMapper().readTree(broker.getStatus()).at("/properties/cr/errors");
    assertThat(errors.isArray()).as(broker.getStatus()).isTrue();
    assertThat(errors.size()).as("broker properties Artemis refused: " + errors).isZero();

    // dead letters and redelivery as the embedded broker has them (EmbeddedBrokerConfig)
    ConfigurationImpl embedded = new ConfigurationImpl();
    int attempts =
        Integer.parseInt(HUB.value("payhub.broker.max-delivery-attempts", Set.of()).orElseThrow());
    embeddedCustomizer(attempts).customize(embedded);
    AddressSettings ours = embedded.getAddressSettings().get("#");
    HierarchicalObjectRepository<AddressSettings> matching = new HierarchicalObjectRepository<>();
    broker.getAddressSettings().forEach(matching::addMatch);
    Map<String, String> queues = queues();
    for (String address : queues.values()) {
      AddressSettings theirs = matching.getMatch(address);
      assertThat(theirs).as(address + " has address settings in the CR").isNotNull();
      assertThat(String.valueOf(theirs.getDeadLetterAddress()))
          .isEqualTo(String.valueOf(ours.getDeadLetterAddress()));
      assertThat(theirs.isAutoCreateDeadLetterResources())
          .isEqualTo(ours.isAutoCreateDeadLetterResources());
      assertThat(String.valueOf(theirs.getDeadLetterQueuePrefix()))
          .isEqualTo(String.valueOf(ours.getDeadLetterQueuePrefix()));
      assertThat(theirs.getMaxDeliveryAttempts()).isEqualTo(ours.getMaxDeliveryAttempts());
      assertThat(theirs.getRedeliveryDelay()).isEqualTo(ours.getRedeliveryDelay());
      assertThat(theirs.getRedeliveryMultiplier()).isEqualTo(ours.getRedeliveryMultiplier());
      assertThat(theirs.getMaxRedeliveryDelay()).isEqualTo(ours.getMaxRedeliveryDelay());
    }

    // the hub's queues, exactly: anycast queues, the events address multicast
    Map<String, CoreAddressConfiguration> addresses =
        broker.getAddressConfigurations().stream()
            .collect(Collectors.toMap(CoreAddressConfiguration::getName, a -> a));
    assertThat(addresses.keySet()).isEqualTo(new TreeSet<>(queues.values()));
    for (Map.Entry<String, String> q : queues.entrySet()) {
      CoreAddressConfiguration a = addresses.get(q.getValue());
      if (q.getKey().equals("payhub.queues.events")) {
        assertThat(a.getRoutingTypes()).containsExactly(RoutingType.MULTICAST);
        assertThat(a.getQueueConfigs()).isEmpty();
      } else {
        assertThat(a.getRoutingTypes()).as(q.getValue()).containsExactly(RoutingType.ANYCAST);
        assertThat(a.getQueueConfigs()).hasSize(1);
        assertThat(a.getQueueConfigs().get(0).getName().toString()).isEqualTo(q.getValue());
        assertThat(a.getQueueConfigs().get(0).getAddress().toString()).isEqualTo(q.getValue());
        assertThat(a.getQueueConfigs().get(0).getRoutingType()).isEqualTo(RoutingType.ANYCAST);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void imageIsTheBinaryDockerBuildsImageStream(String kustomization) throws IOException {
    Rendered r = OpenShiftManifests.render(kustomization);
    Hub hub = Hub.of(r);
    String image = hub.container().getImage();
    String stream = image.substring(0, image.indexOf(':'));
    ImageStream is = r.typed("ImageStream", stream, ImageStream.class);
    assertThat(is.getSpec().getLookupPolicy().getLocal()).isTrue();
    BuildConfig bc = r.typed("BuildConfig", stream, BuildConfig.class);
    assertThat(bc.getSpec().getSource().getType()).isEqualTo("Binary");
    assertThat(bc.getSpec().getStrategy().getType()).isEqualTo("Docker");
    assertThat(bc.getSpec().getStrategy().getDockerStrategy().getDockerfilePath())
        .isEqualTo("Dockerfile");
    assertThat(bc.getSpec().getOutput().getTo().getKind()).isEqualTo("ImageStreamTag");
    assertThat(bc.getSpec().getOutput().getTo().getName()).isEqualTo(stream + ":latest");
    if (kustomization.endsWith("prod")) {
      assertThat(image).as("production runs a promoted tag").doesNotEndWith(":latest");
    }
    // the image and the Deployment agree on the working directory (the route and data folders)
    Path dockerfile = Path.of("Dockerfile");
    if (Files.exists(dockerfile)) {
      List<String> workdirs =
          Files.readAllLines(dockerfile).stream()
              .map(String::strip)
              .filter(l -> l.toUpperCase().startsWith("WORKDIR "))
              .map(l -> l.substring(8).strip())
              .toList();
      assertThat(workdirs).isNotEmpty();
      assertThat(workdirs.get(workdirs.size() - 1)).isEqualTo(hub.workingDir());
    }
  }

  /**
   * Where kustomize itself is installed ({@code kustomize}, {@code kubectl} or {@code oc} on the
   * PATH), its rendering and this test's are the same resources, field for field, up to the hash in
   * generated ConfigMap names and the order of merged lists.
   */
  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void renderingIsKustomizesWhereKustomizeIsInstalled(String kustomization) throws Exception {
    List<String> command = kustomizeCommand();
    assumeTrue(command != null, "no kustomize, kubectl or oc on the PATH");
    Path dir = OpenShiftManifests.root().resolve(kustomization);
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("--load-restrictor", "LoadRestrictionsNone", dir.toString()));
    Process p = new ProcessBuilder(full).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", full) + "\n" + err).isZero();
    Path rendered = Files.createTempFile("kustomize-", ".yaml");
    try {
      Files.writeString(rendered, out);
      List<Map<String, Object>> theirs = OpenShiftManifests.documents(rendered);
      Rendered ours = OpenShiftManifests.render(kustomization);
      assertThat(normalized(theirs)).isEqualTo(normalized(ours.resources()));
    } finally {
      Files.delete(rendered);
    }
  }

  // --- the overlays' differences ---

  @Test
  void baseAndProdRunAtLeastTwoHubsDevOne() {
    for (String k : List.of("base", "overlays/prod")) {
      Hub hub = Hub.of(OpenShiftManifests.render(k));
      assertThat(hub.deployment.getSpec().getReplicas()).as(k).isGreaterThanOrEqualTo(2);
      assertThat(hub.rendered.all("HorizontalPodAutoscaler")).as(k).hasSize(1);
    }
    Hub dev = Hub.of(OpenShiftManifests.render("overlays/dev"));
    assertThat(dev.deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(dev.rendered.all("HorizontalPodAutoscaler")).isEmpty();
  }

  @Test
  void prodRunsTheProductionProfileWithItsKeysAndPublicNotifyUrls() {
    Hub prod = Hub.of(OpenShiftManifests.render("overlays/prod"));
    assertThat(prod.profiles()).containsExactly("production");
    assertThat(HUB.value("payhub.sandbox.channels.enabled", prod.profiles())).contains("false");
    assertThat(prod.keyFilesRead())
        .as("every channel's keys and the seal")
        .anyMatch(f -> f.startsWith("/run/secrets/alipay/"))
        .anyMatch(f -> f.startsWith("/run/secrets/unionpay/"))
        .anyMatch(f -> f.startsWith("/run/secrets/wechatpay/"))
        .anyMatch(f -> f.startsWith("/run/secrets/seal/"));
    Set<String> credentials = new TreeSet<>();
    prod.credentialDocs()
        .forEach(
            d ->
                d.properties().keySet().stream()
                    .filter(k -> k.startsWith("payhub.credentials."))
                    .map(k -> k.split("\\.")[2])
                    .forEach(credentials::add));
    for (String ch : List.of("alipay", "wechatpay", "unionpay")) {
      for (String property :
          List.of(
              "credential",
              "app-credential",
              "platform-credential",
              "merchant-credential",
              "sign-credential",
              "trust-credential",
              "encrypt-credential")) {
        HUB.value("payhub.gateways." + ch + "." + property, prod.profiles())
            .ifPresent(id -> assertThat(credentials).as(ch + " " + property).contains(id));
      }
    }
    String host =
        prod.rendered.all("Route").stream()
            .map(x -> prod.rendered.typed("Route", OpenShiftManifests.name(x), Route.class))
            .map(x -> x.getSpec().getHost())
            .findFirst()
            .orElseThrow();
    for (String ch : List.of("ALIPAY", "WECHATPAY", "UNIONPAY")) {
      assertThat(prod.env("PAYHUB_" + ch + "_NOTIFY_URL").getValue())
          .isEqualTo("https://" + host + "/notify/" + ch.toLowerCase());
    }
  }

  @Test
  void devRunsTheSandboxWithoutChannelKeys() {
    Hub dev = Hub.of(OpenShiftManifests.render("overlays/dev"));
    assertThat(dev.profiles()).isEmpty();
    assertThat(dev.env("PAYHUB_SANDBOX_CHANNELS_ENABLED").getValue()).isEqualTo("true");
    assertThat(dev.keyFilesRead()).allMatch(f -> f.startsWith("/run/secrets/seal/"));
  }

  @Test
  void configMapGeneratorListsExactlyTheRepositorysRouteFiles() {
    Path repo = Path.of("").toAbsolutePath();
    Rendered base = OpenShiftManifests.render("base");
    Map<String, Path> expected = new LinkedHashMap<>();
    for (String dir : List.of("routes", "channel-adapters")) {
      routeFiles(repo.resolve(dir))
          .forEach(f -> expected.put(dir + "/" + f, repo.resolve(dir).resolve(f)));
    }
    Set<Path> generated = new TreeSet<>();
    generated.addAll(base.generated("payhub-routes").files().values());
    generated.addAll(base.generated("payhub-channel-adapters").files().values());
    assertThat(generated).isEqualTo(new TreeSet<>(expected.values()));
    assertThat(base.generated("payhub-routes").files().values())
        .allMatch(p -> p.getParent().equals(repo.resolve("routes")));
  }

  // --- helpers ---

  private static List<String> kustomizeCommand() {
    for (List<String> candidate :
        List.of(
            List.of("kustomize", "build"),
            List.of("kubectl", "kustomize"),
            List.of("oc", "kustomize"))) {
      String tool = candidate.get(0);
      boolean found =
          Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
              .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
      if (found) {
        return candidate;
      }
    }
    return null;
  }

  /** Resources keyed by kind and name; generated names without their hash; merged lists sorted. */
  private static Map<String, Object> normalized(List<Map<String, Object>> resources) {
    Map<String, Object> out = new java.util.TreeMap<>();
    for (Map<String, Object> r : resources) {
      String name =
          OpenShiftManifests.name(r).replaceFirst("^(payhub-[a-z-]+)-[a-z0-9]{10}$", "$1");
      out.put(r.get("kind") + "/" + name, normalizedValue(r));
    }
    return out;
  }

  private static Object normalizedValue(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new java.util.TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), normalizedValue(v)));
      return sorted;
    }
    if (o instanceof List<?> l) {
      List<Object> items =
          new ArrayList<>(l.stream().map(OpenShiftManifestsTest::normalizedValue).toList());
      if (!items.isEmpty() && items.stream().allMatch(i -> i instanceof Map<?, ?>)) {
        items.sort(java.util.Comparator.comparing(Object::toString));
      }
      return items;
    }
    if (o instanceof String s) {
      return s.replaceFirst("^(payhub-[a-z-]+)-[a-z0-9]{10}$", "$1");
    }
    return o;
  }

  /** The rendered Deployment and what follows from it. */
  private record Hub(Rendered rendered, Deployment deployment) {

    static Hub of(Rendered r) {
      return new Hub(r, r.typed("Deployment", "payhub", Deployment.class));
    }

    PodSpec pod() {
      return deployment.getSpec().getTemplate().getSpec();
    }

    Container container() {
      assertThat(pod().getContainers()).hasSize(1);
      return pod().getContainers().get(0);
    }

    EnvVar env(String name) {
      return container().getEnv().stream()
          .filter(e -> e.getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name));
    }

    Set<String> profiles() {
      return container().getEnv().stream()
          .filter(e -> e.getName().equals("SPRING_PROFILES_ACTIVE"))
          .flatMap(e -> Arrays.stream(e.getValue().split(",")))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value the hub gets for a property: the Deployment's variable, else its configuration. */
    Optional<String> effective(String property) {
      for (EnvVar e : container().getEnv()) {
        if (e.getValue() != null
            && HUB.propertyOf(e.getName(), profiles()).equals(Optional.of(property))) {
          return Optional.of(e.getValue());
        }
      }
      return HUB.value(property, profiles());
    }

    String workingDir() {
      assertThat(container().getWorkingDir()).as("workingDir set").startsWith("/");
      return container().getWorkingDir();
    }

    String inWorkingDir(String property) {
      String value = effective(property).orElseThrow();
      return value.startsWith("/")
          ? value
          : Path.of(workingDir()).resolve(value).normalize().toString();
    }

    String dataDir() {
      return inWorkingDir("payhub.data-dir");
    }

    String routesDir() {
      return inWorkingDir("payhub.route-files.routes-dir");
    }

    String adaptersDir() {
      return inWorkingDir("payhub.route-files.adapters-dir");
    }

    String configDir() {
      return workingDir() + "/" + OpenShiftHubReads.CONFIG_DIR;
    }

    ContainerPort containerPort(String name) {
      return container().getPorts().stream()
          .filter(p -> name.equals(p.getName()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no container port " + name));
    }

    VolumeMount mountAt(String path) {
      return container().getVolumeMounts().stream()
          .filter(m -> m.getMountPath().equals(path))
          .findFirst()
          .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    Volume volume(String name) {
      return pod().getVolumes().stream()
          .filter(v -> v.getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    GeneratedConfigMap generatedBehind(Volume v) {
      assertThat(v.getConfigMap()).as(v.getName() + " is a ConfigMap").isNotNull();
      return rendered.generated().stream()
          .filter(g -> g.name().equals(v.getConfigMap().getName()))
          .findFirst()
          .orElseThrow(() -> new AssertionError(v.getName() + ": not a generated ConfigMap"));
    }

    /** The hub's configuration documents with credentials: the jar's and the mounted config/. */
    List<OpenShiftHubReads.Doc> credentialDocs() {
      List<OpenShiftHubReads.Doc> docs = new ArrayList<>(HUB.active(profiles()));
      for (VolumeMount m : container().getVolumeMounts()) {
        if (m.getMountPath().equals(configDir())) {
          for (Path file : generatedBehind(volume(m.getName())).files().values()) {
            OpenShiftHubReads.docsOf(file).stream()
                .filter(d -> d.profile() == null || profiles().contains(d.profile()))
                .forEach(docs::add);
          }
        }
      }
      return docs;
    }

    /** Every key file the hub reads: credentials and the seal keystore and its password. */
    Set<String> keyFilesRead() {
      Set<String> files =
          new TreeSet<>(OpenShiftHubReads.credentialFiles(credentialDocs()).values());
      files.add(inWorkingDir("payhub.seal.keystore"));
      files.add(inWorkingDir("payhub.seal.password-file"));
      return files;
    }
  }

  private static String path(Probe probe) {
    assertThat(probe).isNotNull();
    return probe.getHttpGet().getPath();
  }

  private static String brokerName(Hub hub) {
    return URI.create(hub.env("SPRING_ARTEMIS_BROKER_URL").getValue())
        .getHost()
        .replaceFirst("-hdls-svc$", "");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> volumesRaw(Hub hub) {
    Map<String, Object> raw = hub.rendered.get("Deployment", "payhub");
    return OpenShiftManifests.list(OpenShiftManifests.podSpec(raw).get("volumes")).stream()
        .map(v -> (Map<String, Object>) v)
        .toList();
  }

  /** payhub.queues.* of application.yaml: property name to address. */
  private static Map<String, String> queues() {
    Map<String, String> queues = new LinkedHashMap<>();
    HUB.docs().stream()
        .filter(d -> d.profile() == null)
        .forEach(
            d ->
                d.properties()
                    .forEach(
                        (k, v) -> {
                          if (k.startsWith("payhub.queues.")) {
                            queues.put(k, v);
                          }
                        }));
    assertThat(queues).hasSizeGreaterThanOrEqualTo(10);
    return queues;
  }

  /** The relative paths of the *.camel.yaml files below a folder. */
  private static Set<String> routeFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".camel.yaml"))
          .map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The HTTP paths the route files serve: {@code platform-http:/...} endpoints and the {@code path}
   * values given to the {@code http-ingest} template.
   */
  private static Set<String> publicEndpoints() throws IOException {
    Set<String> paths = new LinkedHashSet<>();
    Pattern endpoint = Pattern.compile("platform-http:(/[^\"'\\s?{]*)");
    Pattern templatePath = Pattern.compile("- name: path\\s+value: (/\\S+)");
    Path repo = Path.of("").toAbsolutePath();
    for (String dir : List.of("routes", "channel-adapters")) {
      for (String f : routeFiles(repo.resolve(dir))) {
        String text = Files.readString(repo.resolve(dir).resolve(f));
        for (Pattern p : List.of(endpoint, templatePath)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            paths.add(m.group(1).replaceAll("/$", ""));
          }
        }
      }
    }
    assertThat(paths).contains("/api/v1/payments", "/inbound/alipay", "/notify/alipay");
    return paths;
  }

  /** Whether {@code path} is {@code prefix} or below it, segment by segment. */
  private static boolean under(String path, String prefix) {
    String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals(p) || path.startsWith(p + "/");
  }

  private static ArtemisConfigurationCustomizer embeddedCustomizer(int maxDeliveryAttempts)
      throws Exception {
    Method factory =
        EmbeddedBrokerConfig.class.getDeclaredMethod(
            "payhubBrokerCustomizer", String.class, int.class);
    factory.setAccessible(true);
    return (ArtemisConfigurationCustomizer)
        factory.invoke(new EmbeddedBrokerConfig(), "", maxDeliveryAttempts);
  }

  /** Fields the fabric8 model kept aside as unknown (a typo in a manifest). */
  private static void unknownFields(Object o, String path, List<String> problems, int depth) {
    if (o == null || depth > 40) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object x : c) {
        unknownFields(x, path + "[" + i++ + "]", problems, depth + 1);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, depth + 1));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.") || o.getClass().isEnum()) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = m.invoke(o);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": " + extra.keySet());
        }
      } else {
        unknownFields(value, path + "." + m.getName().substring(3), problems, depth + 1);
      }
    }
  }
}
