package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.RELATED_PERSON;

import be.ifp.carecoord.security.PersonControlContract;
import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirServerAccess;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;

/**
 * The persons the attacks are played on, stored once per server: person A ("ours": P1 is in her
 * team, her carer is permitted by her Consent) and person B ("theirs": P2 is in her team, nobody
 * of A's). Attacks that would change a person's file if they came through use a person of their
 * own ({@link #newPerson}, {@link TargetPerson#store}), so that no attack spoils another test.
 */
record AttackScene(PersonFile ours, TargetPerson theirs) {

  private static final Map<String, AttackScene> SCENES = new ConcurrentHashMap<>();

  static AttackScene of(FhirServerAccess server) {
    return SCENES.computeIfAbsent(server.fhirBase(), base -> new AttackScene(newPerson(server), TargetPerson.store(server)));
  }

  /** A person of the caller's own, whose informal carer she permits by a Consent (IFP-AC-03). */
  static PersonFile newPerson(FhirServerAccess server) {
    PersonFile file = PersonFile.load(server);
    server.client().create()
        .resource(PersonControlContract.consent(file, ConsentProvisionType.PERMIT, file.id(RELATED_PERSON))).execute();
    return file;
  }
}
