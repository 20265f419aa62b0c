package com.payhub;

import com.payhub.routes.ValidateCommand;
import com.payhub.sandbox.SandboxApplication;
import com.payhub.tools.EventsCommand;
import com.payhub.tools.SendCommand;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Runs the hub. Commands run instead of it: {@code validate <paths…>} checks route files, {@code
 * send <queue> <file>} plays a back-office system, {@code events} prints the events as a subscriber
 * sees them, {@code sandbox} serves only the sandbox channels (see {@link SandboxApplication}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayHubApplication {

  public static void main(String[] args) {
    String command = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "validate" -> System.exit(ValidateCommand.run(rest, System.out, System.err));
      case "send" -> System.exit(SendCommand.run(rest, System.out, System.err));
      case "events" -> System.exit(EventsCommand.run(rest, System.out, System.err));
      default -> {
        // not a command: run the hub
      }
    }
    if (command.equals("sandbox")) {
      SandboxApplication.run(rest);
      return;
    }
    SpringApplication.run(PayHubApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
