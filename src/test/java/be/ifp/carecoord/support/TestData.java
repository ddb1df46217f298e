package be.ifp.carecoord.support;

import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Small resources for server tests; each carries a fresh identifier so tests never collide. */
public final class TestData {

  /** Identifier system used only by tests. */
  public static final String TEST_SYSTEM = "urn:ifp-carecoord:test";

  private TestData() {}

  public static String uniqueValue() {
    return UUID.randomUUID().toString();
  }

  public static Patient patient(String identifierValue) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(TEST_SYSTEM).setValue(identifierValue);
    patient.addName().setFamily("Janssens").addGiven("Maria");
    patient.setGender(AdministrativeGender.FEMALE);
    // ifp-patient requires a birth date.
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1941-03-12"));
    return patient;
  }

  public static Observation observationAbout(String subjectReference) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getCode().setText("test observation");
    observation.setSubject(new Reference(subjectReference));
    return observation;
  }

  /** JSON of a Patient with a test identifier, for raw HTTP requests. */
  public static String patientJson(String identifierValue) {
    return FhirServerAccess.FHIR.newJsonParser().encodeResourceToString(patient(identifierValue));
  }
}
