package io.rankstack.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Rankstack server: search and recommendation API, event intake, admin, and the web page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RankstackServer {
  /** Starts the server with Spring Boot's usual configuration sources ({@code rankstack.*} properties). */
  public static void main(String[] args) {
    SpringApplication.run(RankstackServer.class, args);
  }
}
