package be.ifp.carecoord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the ifp-carecoord FHIR R4 server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CarecoordApplication {

  public static void main(String[] args) {
    SpringApplication.run(CarecoordApplication.class, args);
  }
}
