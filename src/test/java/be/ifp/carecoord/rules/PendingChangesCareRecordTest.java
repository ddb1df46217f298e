package be.ifp.carecoord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class PendingChangesCareRecordTest {

  private static <T extends Resource> T withId(T resource, String id) {
    resource.setId(id);
    return resource;
  }

  /** A stored record that counts how it is asked. */
  private static final class CountingRecord implements CareRecord {
    final List<Collection<String>> batches = new ArrayList<>();
    private final InMemoryCareRecord resources;

    CountingRecord(List<Resource> resources) {
      this.resources = new InMemoryCareRecord(resources);
    }

    @Override
    public Map<String, Resource> readAll(Collection<String> references) {
      batches.add(List.copyOf(references));
      return resources.readAll(references);
    }

    @Override
    public Optional<Resource> read(String reference) {
      return resources.read(reference);
    }

    @Override
    public List<CareTeam> careTeamsOf(String patient) {
      return resources.careTeamsOf(patient);
    }

    @Override
    public List<EpisodeOfCare> episodesOf(String patient) {
      return resources.episodesOf(patient);
    }

    @Override
    public List<Consent> consentsOf(String patient) {
      return resources.consentsOf(patient);
    }

    @Override
    public List<CarePlan> carePlansOf(String patient) {
      return resources.carePlansOf(patient);
    }
  }

  @Test
  void readAll_takesPendingVersions_leavesOutDeleted_andAsksTheStoreOnce() {
    Patient storedPatient = withId(new Patient().setActive(false), "Patient/1");
    Practitioner first = withId(new Practitioner(), "Practitioner/1");
    Practitioner second = withId(new Practitioner(), "Practitioner/2");
    CountingRecord stored = new CountingRecord(List.of(storedPatient, first, second));
    Patient pendingPatient = withId(new Patient().setActive(true), "Patient/1");

    Map<String, Resource> found = PendingChangesCareRecord.over(stored, List.of(pendingPatient))
        .readAll(List.of("Patient/1", "Practitioner/1", "Practitioner/2", "Practitioner/9"));
    Map<String, Resource> withoutDeleted = PendingChangesCareRecord.without(stored, "Practitioner/2")
        .readAll(List.of("Practitioner/1", "Practitioner/2"));

    assertThat(((Patient) found.get("Patient/1")).getActive()).isTrue();
    assertThat(found).containsKeys("Practitioner/1", "Practitioner/2").doesNotContainKey("Practitioner/9");
    assertThat(withoutDeleted).containsOnlyKeys("Practitioner/1");
    assertThat(stored.batches).containsExactly(
        List.of("Practitioner/1", "Practitioner/2", "Practitioner/9"), List.of("Practitioner/1"));
  }
}
