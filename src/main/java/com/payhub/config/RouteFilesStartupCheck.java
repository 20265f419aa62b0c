package com.payhub.config;

import com.payhub.routes.RouteFileValidator;
import com.payhub.routes.RouteProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the same checks as {@code payhub validate} over the route folders while the application
 * context is built, before Camel loads a single route file: a file that instantiates a class
 * outside the allow-list, or is otherwise broken, stops start-up with file:line messages. Route
 * reload (development only) does not pass through here; see the README.
 */
@Component
public class RouteFilesStartupCheck {

  private static final Logger LOG = LoggerFactory.getLogger(RouteFilesStartupCheck.class);

  public RouteFilesStartupCheck(PayHubProperties properties) {
    PayHubProperties.RouteFiles files = properties.routeFiles();
    if (!files.checkOnStartup()) {
      LOG.warn("payhub.route-files.check-on-startup=false: route files are loaded unchecked");
      return;
    }
    List<Path> folders =
        Stream.of(files.routesDir(), files.adaptersDir())
            .map(Path::of)
            .filter(Files::isDirectory)
            .toList();
    RouteFileValidator.Report report =
        new RouteFileValidator(files.allowedClassPrefixes()).check(folders);
    if (!report.ok()) {
      throw new IllegalStateException(
          "route files failed validation (payhub.route-files):\n"
              + report.problems().stream()
                  .map(RouteProblem::toString)
                  .collect(Collectors.joining("\n")));
    }
    LOG.info(
        "Route files checked: {} files, {} routes, classes limited to {}",
        report.files(),
        report.routes(),
        files.allowedClassPrefixes());
  }
}
