package be.ifp.carecoord.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * "Same individual" (domain.md §2): the same Practitioner, or Practitioners that share an
 * identifier; a PractitionerRole stands for its practitioner. Patients and RelatedPersons are
 * themselves. Each reference is resolved once per check.
 */
public final class Individuals {

  private final CareRecord record;
  private final Map<String, Set<String>> keysByReference = new HashMap<>();

  Individuals(CareRecord record) {
    this.record = record;
  }

  /** Whether two references stand for the same individual. */
  public boolean same(Reference a, Reference b) {
    Set<String> keysOfA = keys(a);
    return !keysOfA.isEmpty() && !Collections.disjoint(keysOfA, keys(b));
  }

  /**
   * The keys that identify the individual behind a reference: the Practitioner reference and its
   * identifiers ({@code system|value}), or the reference itself for anyone else.
   */
  public Set<String> keys(Reference member) {
    String reference = References.of(member);
    if (reference == null) {
      return Set.of();
    }
    return keysByReference.computeIfAbsent(reference, this::resolve);
  }

  /** The PractitionerRole a reference points to, if it does and the role exists. */
  public Optional<PractitionerRole> role(Reference member) {
    String reference = References.of(member);
    if (reference == null || reference.startsWith("Patient/") || reference.startsWith("RelatedPerson/")) {
      return Optional.empty();
    }
    return record.read(reference)
        .filter(PractitionerRole.class::isInstance)
        .map(PractitionerRole.class::cast);
  }

  /**
   * Follows a PractitionerRole to its Practitioner and collects the Practitioner's identifiers.
   * References are read whatever their form, so that a transaction entry's {@code urn:uuid:}
   * stands for the same individual as the stored resource it is.
   */
  private Set<String> resolve(String reference) {
    Set<String> keys = new HashSet<>();
    keys.add(reference);
    Optional<Resource> resource = record.read(reference);
    if (resource.isPresent() && resource.get() instanceof PractitionerRole role) {
      String practitioner = References.of(role.getPractitioner());
      if (practitioner == null) {
        return keys;
      }
      keys.add(practitioner);
      resource = record.read(practitioner);
    }
    if (resource.isPresent() && resource.get() instanceof Practitioner practitioner) {
      keys.add(References.of(practitioner));
      practitioner.getIdentifier().stream()
          .filter(id -> id.hasSystem() && id.hasValue())
          .map(Individuals::key)
          .forEach(keys::add);
    }
    return keys;
  }

  private static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }
}
