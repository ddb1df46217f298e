package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class StoredTextTest {

  private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

  private static Narrative narrative(String xhtml) {
    Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDivAsString(xhtml);
    return narrative;
  }

  @Test
  void narratives_areLeftOut_everythingElseStays() {
    CareTeam team = new CareTeam().setName("Team \"text\":{\"status\": of Maria").setSubject(new Reference("Patient/1"));
    team.setText(narrative("<div xmlns=\"http://www.w3.org/1999/xhtml\">A {tricky} \"narrative\", with } and {</div>"));
    Patient contained = new Patient();
    contained.setId("p");
    contained.setText(narrative("<div xmlns=\"http://www.w3.org/1999/xhtml\">Contained</div>"));
    contained.addName().setFamily("Peeters");
    team.addContained(contained);
    team.getMeta().setVersionId("3");

    CareTeam read = JSON.parseResource(CareTeam.class, StoredText.structureOf(JSON.encodeResourceToString(team)));

    assertThat(read.hasText()).isFalse();
    assertThat(read.getName()).isEqualTo(team.getName());
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/1");
    assertThat(read.getMeta().getVersionId()).isEqualTo("3");
    Patient readContained = (Patient) read.getContained().get(0);
    assertThat(readContained.hasText()).isFalse();
    assertThat(readContained.getNameFirstRep().getFamily()).isEqualTo("Peeters");
  }

  @Test
  void aNarrativeAsTheLastElement_leavesValidJson() {
    String json = "{\"resourceType\":\"Patient\",\"active\":true,\"text\":{\"status\":\"generated\",\"div\":\"<div>x</div>\"}}";

    assertThat(StoredText.structureOf(json)).isEqualTo("{\"resourceType\":\"Patient\",\"active\":true}");
  }

  @Test
  void textInAnotherShape_isReturnedWhole() {
    String pretty = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(
        new Patient().setActive(true).setText(narrative("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>")));

    assertThat(StoredText.structureOf(pretty)).isEqualTo(pretty);
  }
}
