package com.payhub;

import com.payhub.routes.ValidateCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Runs the hub; {@code validate <paths…>} checks route files instead, without starting anything. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayHubApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("validate")) {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      System.exit(ValidateCommand.run(rest, System.out, System.err));
    }
    SpringApplication.run(PayHubApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
