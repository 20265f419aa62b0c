package com.payhub.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.crypto.KeyFiles;
import com.payhub.deploy.OpenShiftHubReads;
import com.payhub.deploy.OpenShiftManifests;
import com.payhub.deploy.OpenShiftManifests.GeneratedConfigMap;
import com.payhub.deploy.OpenShiftManifests.Rendered;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hub as the OpenShift Deployment runs it: {@code java -jar payhub.jar} with exactly the
 * rendered Deployment's environment over its image's {@code ENV} (nothing inherited but {@code
 * PATH}) and working directory, every volume laid out under a folder that stands for the pod's
 * root, against a standalone Artemis process and the local PostgreSQL. It must become ready on the
 * Deployment's probe paths and take a payment of each channel to SUCCEEDED.
 *
 * <p>What stands in for the cluster, and nothing else is changed: Secrets are files and values this
 * test makes (database and broker credentials of the local servers; the seal keystore made with the
 * very {@code keytool} commands of the README; channel keys), ConfigMaps are the repository's files
 * they are generated from, {@code payhub-broker-hdls-svc:61616} is the standalone broker's loopback
 * port, the Route's host is the hub's loopback port, and the pod's 8080 is a free port ({@code
 * --server.port}). Absolute paths of the pod (mounts, {@code /run/secrets/...} in the environment
 * and in a mounted configuration file) are moved under the stand-in root; the production profile
 * inside the jar names its key files too, and those alone are moved by command-line arguments.
 * {@code /tmp} is this machine's (the JVM's temporary folder is no environment variable).
 *
 * <p>The production overlay cannot pay through its real gateways from here, and its sandbox
 * channels are off: it runs with the production profile as rendered, its gateway URLs pointed at a
 * standalone sandbox process ({@link SandboxProcess}, three more arguments), and its Secrets hold
 * that sandbox's keys in the production profile's file layout (PEM, PKCS#12 with a password file,
 * the API v3 key). The dev overlay needs nothing of the kind: its own sandbox channels answer.
 *
 * <p>Skipped (an assumption) unless {@code PAYHUB_TEST_JDBC_URL} names a PostgreSQL server; each
 * run gets a schema of its own, dropped afterwards. Logs stay in {@code
 * target/fault/deployment-<overlay>-<time>/}.
 */
class DeploymentEnvIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenShiftHubReads HUB = OpenShiftHubReads.load();
  private static final Pattern CREDENTIAL_FILE =
      Pattern.compile("payhub\\.credentials\\.([^.]+)\\.keys\\[(\\d+)]\\.([a-z0-9-]+)");
  private static final Pattern SANDBOX_ARGUMENT =
      Pattern.compile("--payhub\\.credentials\\[(.+?)]\\.keys\\[(\\d+)]\\.([a-z0-9-]+)=(.*)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void devOverlayBecomesReadyAndPaysThroughItsOwnSandboxChannels() throws Exception {
    run("overlays/dev");
  }

  @Test
  void prodOverlayBecomesReadyAndPaysWithTheProductionProfile() throws Exception {
    run("overlays/prod");
  }

  private void run(String overlay) throws Exception {
    String jdbc = jdbcUrl();
    assumeTrue(jdbc != null, "PAYHUB_TEST_JDBC_URL is not set: DeploymentEnvIT skipped");
    Rendered rendered = OpenShiftManifests.render(overlay);
    Deployment deployment = rendered.typed("Deployment", "payhub", Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    Set<String> profiles = profiles(container);
    boolean production = profiles.contains("production");

    Path dir = FaultPaths.runDir("deployment-" + overlay.replace("overlays/", ""));
    Path root = Files.createDirectories(dir.resolve("pod"));
    Path logs = dir.resolve("logs");
    String schema = "deploy_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    List<AutoCloseable> cleanup = new ArrayList<>();
    try {
      Connection admin = DriverManager.getConnection(jdbc);
      cleanup.add(admin);
      admin.createStatement().execute("CREATE SCHEMA " + schema);
      cleanup.add(() -> admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE"));

      ArtemisProcess broker = ArtemisProcess.create(dir.resolve("artemis"), logs);
      cleanup.add(broker::kill);
      broker.start();

      SandboxProcess sandbox = null;
      Map<String, Map<String, KeyMaterial>> sandboxKeys = Map.of();
      if (production) {
        Path sandboxData = Files.createDirectories(dir.resolve("sandbox-data"));
        sandboxKeys = sandboxKeys(SandboxCredentials.hubArguments(sandboxData));
        sandbox = new SandboxProcess(sandboxData, logs, List.of());
        cleanup.add(sandbox::kill);
        sandbox.start();
      }

      int port = Ports.free();
      Stand stand = new Stand(rendered, pod, container, root, profiles, sandboxKeys);
      stand.secretValues.put(
          "payhub-db",
          Map.of(
              "url",
              jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema,
              "username",
              userOf(jdbc),
              "password",
              ""));
      stand.secretValues.put(
          "payhub-broker-credentials-secret",
          Map.of("AMQ_USER", ArtemisProcess.USER, "AMQ_PASSWORD", broker.password()));
      stand.layOutVolumes(dir.resolve("seal-work"));
      // a container's environment is its image's ENV (the Dockerfile the BuildConfig builds)
      // overlaid by the Deployment's env: JAVA_TOOL_OPTIONS, with UTF-8, comes from the image
      Map<String, String> env =
          new LinkedHashMap<>(com.payhub.deploy.ContainerDockerfile.load().env());
      env.putAll(stand.environment(broker.url(), "http://127.0.0.1:" + port));

      List<String> command = new ArrayList<>();
      command.add("/usr/bin/env");
      command.add("-i");
      command.add("PATH=" + System.getenv("PATH"));
      env.forEach((k, v) -> command.add(k + "=" + v));
      command.add(FaultPaths.java());
      command.add("-Xmx512m");
      command.add("-jar");
      command.add(FaultPaths.jar().toString());
      command.add("--server.port=" + port);
      command.addAll(stand.credentialArguments());
      if (production) {
        String base = sandbox.baseUrl();
        command.add("--payhub.gateways.alipay.url=" + base + "/sandbox/alipay/gateway.do");
        command.add("--payhub.gateways.wechatpay.url=" + base + "/sandbox/wechatpay");
        command.add("--payhub.gateways.unionpay.url=" + base + "/sandbox/unionpay");
      }
      Files.createDirectories(logs);
      Files.write(
          logs.resolve("hub-command.txt"),
          command.stream().map(a -> a.replace(broker.password(), "***")).toList());
      Path workDir = Files.createDirectories(stand.mapped(container.getWorkingDir()));
      ChildProcess hub =
          ChildProcess.start("hub", command, workDir, Map.of(), logs.resolve("hub.log"));
      cleanup.add(hub::kill);

      String readiness = container.getReadinessProbe().getHttpGet().getPath();
      String liveness = container.getLivenessProbe().getHttpGet().getPath();
      await("the hub ready on " + readiness)
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(1))
          .failFast("the hub exited:\n" + "see " + hub.log(), () -> !hub.alive())
          .ignoreExceptions()
          .until(() -> get(port, readiness).statusCode() == 200);
      assertThat(get(port, liveness).statusCode()).isEqualTo(200);
      assertThat(get(port, container.getStartupProbe().getHttpGet().getPath()).statusCode())
          .isEqualTo(200);

      for (String channel : List.of("alipay", "wechatpay", "unionpay")) {
        String[] paid = pay(port, channel);
        await(channel + " payment " + paid[0] + " SUCCEEDED")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .failFast("the hub exited; see " + hub.log(), () -> !hub.alive())
            .until(() -> status(port, paid[0]), s -> s.equals("SUCCEEDED"));
        if (production) {
          assertThat(sandbox.calls().count(channel, "PAY", paid[1]))
              .as("the channel that took the payment is the sandbox process")
              .isEqualTo(1);
        }
      }
    } finally {
      for (int i = cleanup.size() - 1; i >= 0; i--) {
        try {
          cleanup.get(i).close();
        } catch (Exception e) {
          System.err.println("cleanup: " + e);
        }
      }
    }
  }

  /** The pod's world under a stand-in root: volumes, Secrets, environment. */
  private static final class Stand {

    private final Rendered rendered;
    private final PodSpec pod;
    private final Container container;
    private final Path root;
    private final Set<String> profiles;
    private final Map<String, Map<String, KeyMaterial>> sandboxKeys;
    private final Map<String, Map<String, String>> secretValues = new LinkedHashMap<>();
    private final List<String> secretMounts = new ArrayList<>();
    private final Map<String, String> credentialFiles = new TreeMap<>();
    private final Map<String, String> credentialLeaves = new TreeMap<>();
    private final Map<String, String> jarCredentialLeaves = new TreeMap<>();
    private final Set<String> mountedCredentials = new TreeSet<>();
    private final Map<String, String> pkcs12Passwords = new LinkedHashMap<>();
    private byte[] sealKeystore;
    private byte[] sealPassword;

    Stand(
        Rendered rendered,
        PodSpec pod,
        Container container,
        Path root,
        Set<String> profiles,
        Map<String, Map<String, KeyMaterial>> sandboxKeys) {
      this.rendered = rendered;
      this.pod = pod;
      this.container = container;
      this.root = root;
      this.profiles = profiles;
      this.sandboxKeys = sandboxKeys;
      List<OpenShiftHubReads.Doc> mountedConfig = new ArrayList<>();
      for (VolumeMount m : container.getVolumeMounts()) {
        if (volume(m.getName()).getSecret() != null) {
          secretMounts.add(m.getMountPath());
        }
        if (m.getMountPath()
            .equals(container.getWorkingDir() + "/" + OpenShiftHubReads.CONFIG_DIR)) {
          for (Path f : generated(volume(m.getName())).files().values()) {
            OpenShiftHubReads.docsOf(f).stream()
                .filter(d -> d.profile() == null || profiles.contains(d.profile()))
                .forEach(mountedConfig::add);
          }
        }
      }
      List<OpenShiftHubReads.Doc> jar = HUB.active(profiles);
      for (OpenShiftHubReads.Doc d : jar) {
        d.properties()
            .forEach(
                (k, v) -> {
                  if (k.startsWith("payhub.credentials.")) {
                    jarCredentialLeaves.put(k, v);
                  }
                });
      }
      for (OpenShiftHubReads.Doc d : mountedConfig) {
        d.properties().keySet().stream()
            .map(CREDENTIAL_FILE::matcher)
            .filter(Matcher::matches)
            .forEach(m -> mountedCredentials.add(m.group(1)));
        d.properties()
            .forEach(
                (k, v) -> {
                  if (k.startsWith("payhub.credentials.")) {
                    credentialLeaves.put(k, v);
                  }
                });
      }
      credentialLeaves.putAll(jarCredentialLeaves);
      List<OpenShiftHubReads.Doc> all = new ArrayList<>(jar);
      all.addAll(mountedConfig);
      credentialFiles.putAll(OpenShiftHubReads.credentialFiles(all));
    }

    /** An absolute path of the pod, under the stand-in root. */
    Path mapped(String podPath) {
      return root.resolve(podPath.substring(1));
    }

    void layOutVolumes(Path work) throws Exception {
      for (VolumeMount m : container.getVolumeMounts()) {
        Volume v = volume(m.getName());
        Path target = Files.createDirectories(mapped(m.getMountPath()));
        if (v.getEmptyDir() != null) {
          continue;
        }
        if (v.getConfigMap() != null) {
          GeneratedConfigMap cm = generated(v);
          Map<String, String> items = new LinkedHashMap<>();
          if (v.getConfigMap().getItems() == null || v.getConfigMap().getItems().isEmpty()) {
            cm.files().keySet().forEach(k -> items.put(k, k));
          } else {
            v.getConfigMap().getItems().forEach(i -> items.put(i.getKey(), i.getPath()));
          }
          for (Map.Entry<String, String> item : items.entrySet()) {
            Path file = target.resolve(item.getValue());
            Files.createDirectories(file.getParent());
            // a mounted configuration file names key files in mounted Secrets: those paths, like
            // every absolute path of the pod, under the stand-in root
            String text = Files.readString(cm.files().get(item.getKey()), StandardCharsets.UTF_8);
            for (String secretMount : secretMounts) {
              text = text.replace(secretMount + "/", mapped(secretMount) + "/");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
          }
        } else if (v.getSecret() != null) {
          for (KeyToPath item : v.getSecret().getItems()) {
            String podPath = m.getMountPath() + "/" + item.getPath();
            Path file = target.resolve(item.getPath());
            Files.createDirectories(file.getParent());
            Files.write(file, secretFile(podPath, work));
          }
        } else {
          throw new IllegalStateException(
              m.getName() + ": a volume type this test cannot stand in");
        }
      }
    }

    /**
     * What the hub expects in a mounted Secret's file: the seal (made with the README's keytool
     * commands) or a credential file of its configuration, from the sandbox's keys.
     */
    private byte[] secretFile(String podPath, Path work) throws Exception {
      if (podPath.equals(envValue("PAYHUB_SEAL_KEYSTORE"))
          || podPath.equals(envValue("PAYHUB_SEAL_PASSWORD_FILE"))) {
        makeSeal(work);
        return podPath.equals(envValue("PAYHUB_SEAL_KEYSTORE")) ? sealKeystore : sealPassword;
      }
      String property =
          credentialFiles.entrySet().stream()
              .filter(e -> e.getValue().equals(podPath))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("the hub's configuration names no " + podPath));
      Matcher m = CREDENTIAL_FILE.matcher(property);
      assertThat(m.matches()).isTrue();
      String credential = m.group(1);
      String keyPrefix = "payhub.credentials." + credential + ".keys[" + m.group(2) + "]";
      String field = m.group(3);
      String keyId = credentialLeaves.get(keyPrefix + ".key-id");
      KeyMaterial k = sandboxKey(credential, field, keyId);
      return switch (field) {
        case "private-key" -> Files.readAllBytes(k.files.get("private-key"));
        case "certificate" -> Files.readAllBytes(k.files.get("certificate"));
        case "secret" -> Files.readAllBytes(k.files.get("secret"));
        case "public-key" -> pem("PUBLIC KEY", certificate(k).getPublicKey().getEncoded());
        case "pkcs12" -> pkcs12(k, pkcs12Passwords.computeIfAbsent(keyPrefix, x -> password()));
        case "pkcs12-password-file" ->
            pkcs12Passwords
                .computeIfAbsent(keyPrefix, x -> password())
                .getBytes(StandardCharsets.UTF_8);
        default -> throw new IllegalStateException("no stand-in for " + property);
      };
    }

    /** The sandbox key of that credential that has the material for the field. */
    private KeyMaterial sandboxKey(String credential, String field, String keyId) {
      Map<String, KeyMaterial> keys = sandboxKeys.get(credential);
      if (keys == null) {
        throw new IllegalStateException("the sandbox has no keys for " + credential);
      }
      List<KeyMaterial> fit =
          keys.values().stream()
              .filter(
                  k ->
                      switch (field) {
                        case "private-key", "pkcs12", "pkcs12-password-file" ->
                            k.files.containsKey("private-key")
                                && k.files.containsKey("certificate");
                        case "certificate", "public-key" -> k.files.containsKey("certificate");
                        case "secret" -> k.files.containsKey("secret");
                        default -> false;
                      })
              .toList();
      if (fit.size() > 1) {
        fit = fit.stream().filter(k -> keyId != null && keyId.equals(k.keyId)).toList();
      }
      assertThat(fit).as(credential + " " + field + " " + keyId + " in the sandbox").hasSize(1);
      return fit.get(0);
    }

    /** The README's commands: an EC signing key and an AES field key in one PKCS#12 keystore. */
    private void makeSeal(Path work) throws Exception {
      if (sealKeystore != null) {
        return;
      }
      Files.createDirectories(work);
      Path password = work.resolve("seal.password");
      Files.writeString(password, password() + "\n");
      Path keystore = work.resolve("seal.p12");
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      String signing = HUB.value("payhub.seal.signing-key-id", profiles).orElseThrow();
      String field = HUB.value("payhub.seal.field-key-id", profiles).orElseThrow();
      ChildProcess.run(
          "keytool genkeypair",
          List.of(
              keytool,
              "-genkeypair",
              "-alias",
              signing,
              "-keyalg",
              "EC",
              "-groupname",
              "secp256r1",
              "-sigalg",
              "SHA256withECDSA",
              "-dname",
              "CN=PayHub seal " + signing,
              "-validity",
              "3650",
              "-storetype",
              "PKCS12",
              "-keystore",
              "seal.p12",
              "-storepass:file",
              "seal.password"),
          work,
          Map.of(),
          work.resolve("keytool.log"));
      ChildProcess.run(
          "keytool genseckey",
          List.of(
              keytool,
              "-genseckey",
              "-alias",
              field,
              "-keyalg",
              "AES",
              "-keysize",
              "256",
              "-storetype",
              "PKCS12",
              "-keystore",
              "seal.p12",
              "-storepass:file",
              "seal.password"),
          work,
          Map.of(),
          work.resolve("keytool.log"));
      sealKeystore = Files.readAllBytes(keystore);
      sealPassword = Files.readAllBytes(password);
    }

    /**
     * The Deployment's environment as the pod gets it: Secret references resolved, absolute paths
     * under the stand-in root, the broker Service and the Route's host on loopback.
     */
    Map<String, String> environment(String brokerUrl, String hubUrl) {
      String routeHost =
          rendered.all("Route").stream()
              .map(r -> rendered.typed("Route", OpenShiftManifests.name(r), Route.class))
              .map(r -> r.getSpec().getHost())
              .findFirst()
              .orElseThrow();
      Map<String, String> env = new LinkedHashMap<>();
      for (EnvVar e : container.getEnv()) {
        String value;
        if (e.getValueFrom() != null) {
          var ref = e.getValueFrom().getSecretKeyRef();
          Map<String, String> secret = secretValues.get(ref.getName());
          assertThat(secret).as("a stand-in for Secret " + ref.getName()).isNotNull();
          value = secret.get(ref.getKey());
          assertThat(value).as(ref.getName() + "/" + ref.getKey()).isNotNull();
        } else {
          value = e.getValue();
          if (value.startsWith("/")) {
            value = mapped(value).toString();
          } else if (value.startsWith("tcp://") && value.contains("-hdls-svc")) {
            value = brokerUrl;
          } else if (value.startsWith("https://" + routeHost + "/")) {
            value = hubUrl + value.substring(("https://" + routeHost).length());
          }
        }
        env.put(e.getName(), value);
      }
      return env;
    }

    /**
     * The credentials of the production profile inside the jar whose files lie in a mounted Secret,
     * every field given again with the files under the stand-in root (a list bound from the command
     * line replaces the whole list, so the non-file fields come along). Credentials named by a
     * mounted configuration file are not among them: that file is read as mounted.
     */
    List<String> credentialArguments() {
      Set<String> moved = new TreeSet<>();
      credentialFiles.forEach(
          (property, path) -> {
            Matcher m = CREDENTIAL_FILE.matcher(property);
            assertThat(m.matches()).isTrue();
            if (jarCredentialLeaves.containsKey(property)
                && !mountedCredentials.contains(m.group(1))
                && secretMounts.stream().anyMatch(mount -> path.startsWith(mount + "/"))) {
              moved.add(m.group(1));
            }
          });
      List<String> args = new ArrayList<>();
      jarCredentialLeaves.forEach(
          (property, value) -> {
            Matcher m = CREDENTIAL_FILE.matcher(property);
            if (m.matches() && moved.contains(m.group(1))) {
              String v = credentialFiles.containsKey(property) ? mapped(value).toString() : value;
              args.add(
                  "--payhub.credentials["
                      + m.group(1)
                      + "].keys["
                      + m.group(2)
                      + "]."
                      + m.group(3)
                      + "="
                      + v);
            }
          });
      return args;
    }

    private String envValue(String name) {
      return container.getEnv().stream()
          .filter(e -> e.getName().equals(name))
          .map(EnvVar::getValue)
          .findFirst()
          .orElse(null);
    }

    private Volume volume(String name) {
      return pod.getVolumes().stream()
          .filter(v -> v.getName().equals(name))
          .findFirst()
          .orElseThrow();
    }

    private GeneratedConfigMap generated(Volume v) {
      return rendered.generated().stream()
          .filter(g -> g.name().equals(v.getConfigMap().getName()))
          .findFirst()
          .orElseThrow();
    }
  }

  /** One key of a sandbox credential: its id and files by field. */
  private record KeyMaterial(String keyId, Map<String, Path> files) {}

  /** The sandbox credentials the fault harness hands the hub as arguments, read back. */
  private static Map<String, Map<String, KeyMaterial>> sandboxKeys(List<String> arguments) {
    Map<String, Map<String, Map<String, String>>> raw = new LinkedHashMap<>();
    for (String a : arguments) {
      Matcher m = SANDBOX_ARGUMENT.matcher(a);
      assertThat(m.matches()).as(a).isTrue();
      raw.computeIfAbsent(m.group(1), x -> new LinkedHashMap<>())
          .computeIfAbsent(m.group(2), x -> new LinkedHashMap<>())
          .put(m.group(3), m.group(4));
    }
    Map<String, Map<String, KeyMaterial>> out = new LinkedHashMap<>();
    raw.forEach(
        (credential, keys) ->
            keys.forEach(
                (index, fields) -> {
                  Map<String, Path> files =
                      fields.entrySet().stream()
                          .filter(e -> !e.getKey().equals("key-id"))
                          .collect(Collectors.toMap(Map.Entry::getKey, e -> Path.of(e.getValue())));
                  out.computeIfAbsent(credential, x -> new LinkedHashMap<>())
                      .put(index, new KeyMaterial(fields.get("key-id"), files));
                }));
    return out;
  }

  private static X509Certificate certificate(KeyMaterial k) {
    return KeyFiles.certificates("sandbox certificate", k.files.get("certificate")).get(0);
  }

  private static byte[] pkcs12(KeyMaterial k, String password) throws Exception {
    PrivateKey key = KeyFiles.privateKey("sandbox key", k.files.get("private-key"));
    List<X509Certificate> chain =
        KeyFiles.certificates("sandbox chain", k.files.get("certificate"));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("sign", key, password.toCharArray(), chain.toArray(new Certificate[0]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, password.toCharArray());
    return out.toByteArray();
  }

  private static byte[] pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String password() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static Set<String> profiles(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals("SPRING_PROFILES_ACTIVE"))
        .flatMap(e -> Arrays.stream(e.getValue().split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Pays 100.00 CNY through the channel: the payment id and the merchant order number. */
  private String[] pay(int port, String channel) throws IOException, InterruptedException {
    String card =
        channel.equals("unionpay") ? ",\"attributes\":{\"accNo\":\"6216261000000000018\"}" : "";
    String orderNo = "DEPLOY" + channel.toUpperCase() + System.nanoTime() % 1_000_000_000L;
    String body =
        "{\"merchantId\":\"M100001\",\"merchantOrderNo\":\""
            + orderNo
            + "\",\"channel\":\""
            + channel
            + "\",\"operation\":\"PAY\",\"amount\":{\"minor\":10000,\"currency\":\"CNY\"},"
            + "\"subject\":\"Green tea\""
            + card
            + "}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new String[] {JSON.readTree(r.body()).path("paymentId").asText(), orderNo};
  }

  private String status(int port, String paymentId) throws IOException, InterruptedException {
    HttpResponse<String> r = get(port, "/api/v1/payments/" + paymentId);
    JsonNode payment = JSON.readTree(r.body());
    return payment.path("payment").path("status").asText();
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String jdbcUrl() {
    String url = System.getProperty("PAYHUB_TEST_JDBC_URL");
    if (url == null || url.isBlank()) {
      url = System.getenv("PAYHUB_TEST_JDBC_URL");
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  private static String userOf(String jdbc) {
    Matcher m = Pattern.compile("[?&]user=([^&]+)").matcher(jdbc);
    return m.find() ? m.group(1) : "postgres";
  }
}
