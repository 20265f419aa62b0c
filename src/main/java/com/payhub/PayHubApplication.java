package com.payhub;

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
    SpringApplication.run(PayHubApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
