package com.payhub;

import com.payhub.routes.ValidateCommand;
import com.payhub.sandbox.SandboxApplication;
import com.payhub.tools.SendCommand;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Runs the hub. Commands run instead of it: {@code validate <paths…>} checks route files, {@code
 * send <queue> <file>} plays a back-office system, {@code sandbox} serves only the sandbox channels
 * (see {@link SandboxApplication}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayHubApplication {

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("validate") || args[0].equals("send"))) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      System.exit(
          args[0].equals("validate")
              ? ValidateCommand.run(rest, System.out, System.err)
              : SendCommand.run(rest, System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("sandbox")) {
      SandboxApplication.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(PayHubApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
