# The PayHub image: the jar that `./mvnw package` builds, plus the route folders the hub reads from
# its working directory. Used by docker-compose.yml (build: .) and by the OpenShift BuildConfig
# (binary build: `oc start-build payhub --from-dir=. --follow` after `./mvnw package`).
# jib-maven-plugin in pom.xml builds the same image without a Docker daemon (README "The container
# image"); ContainerBuildTest checks that both agree.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24

LABEL org.opencontainers.image.title="PayHub" \
      org.opencontainers.image.description="Apache Camel integration hub for payment channels" \
      io.k8s.display-name="PayHub" \
      io.openshift.expose-services="8080:http"

# the hub reads routes/ and channel-adapters/ and keeps ./data relative to its working directory
WORKDIR /deployments

COPY target/payhub.jar /deployments/payhub.jar
COPY routes/ /deployments/routes/
COPY channel-adapters/ /deployments/channel-adapters/

# the folders the hub writes belong to group 0 with the owner's rights, so that the arbitrary UID
# OpenShift assigns (always in group 0) can write them; everything else stays read-only
USER 0
RUN mkdir -p /deployments/data \
 && chown -R 185:0 /deployments/data \
 && chgrp 0 /tmp \
 && chmod -R g=u /deployments/data /tmp
USER 185:0

# heap from the container's memory limit; an OutOfMemoryError ends the process so that it restarts
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8"

# HTTP: the API, the notify URLs, the sandbox channels and /actuator. No 61616: deployed, the hub
# is a client of an external Artemis (SPRING_ARTEMIS_MODE=native)
EXPOSE 8080

ENTRYPOINT ["java", "-jar", "/deployments/payhub.jar"]
