package be.ifp.carecoord.security;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.server.PersonLinkedResources;
import be.ifp.carecoord.server.StoredText;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * IFP-AC-01: whether a professional may reach a person right now ({@link #professionalReaches},
 * from that person's own record), and all the persons they may reach ({@link #personsOf}, for
 * searches that name no person), read straight from HAPI's tables
 * (as the rules do, see RepositoryCareRecord): the professional is their Practitioner and all of
 * its PractitionerRoles; a person counts while one of those is an active participant (period
 * now) of the person's active care team, or the care manager of the person's active
 * case-management episode.
 *
 * <p>Teams are found through HAPI's reference index ({@code CareTeam.participant.member}).
 * Episodes are not: R4's {@code care-manager} search parameter indexes Practitioner care managers
 * only, and IFP case managers are PractitionerRoles, so episodes are found by the reference text
 * and then checked on the parsed resource.
 *
 * <p>A person's active Consent that denies a professional (provision type {@code deny}, the
 * professional as actor) removes that person from the professional's reach, whatever the teams
 * say.
 */
@Component
class TeamMemberships {

  /** A role's practitioner and all of that practitioner's roles, in one query. */
  private static final String PRACTITIONER_AND_ROLES_OF_ROLE = "select t.FHIR_ID, r.FHIR_ID from HFJ_RESOURCE s"
      + " join HFJ_RES_LINK l on l.SRC_RESOURCE_ID = s.RES_ID and l.SRC_PATH = 'PractitionerRole.practitioner'"
      + " join HFJ_RESOURCE t on t.RES_ID = l.TARGET_RESOURCE_ID"
      + " left join HFJ_RES_LINK k on k.TARGET_RESOURCE_ID = t.RES_ID and k.SRC_PATH = 'PractitionerRole.practitioner'"
      + " left join HFJ_RESOURCE r on r.RES_ID = k.SRC_RESOURCE_ID and r.RES_DELETED_AT is null"
      + " where s.RES_TYPE = 'PractitionerRole' and s.FHIR_ID = :id and s.RES_DELETED_AT is null";

  private static final String ROLES_OF_PRACTITIONER = "select s.FHIR_ID from HFJ_RESOURCE t"
      + " join HFJ_RES_LINK l on l.TARGET_RESOURCE_ID = t.RES_ID and l.SRC_PATH = 'PractitionerRole.practitioner'"
      + " join HFJ_RESOURCE s on s.RES_ID = l.SRC_RESOURCE_ID and s.RES_DELETED_AT is null"
      + " where t.RES_TYPE = 'Practitioner' and t.FHIR_ID = :id";

  private static final String TEAMS_OF_MEMBERS = "select v.RES_TEXT_VC from HFJ_RESOURCE t"
      + " join HFJ_RES_LINK l on l.TARGET_RESOURCE_ID = t.RES_ID and l.SRC_PATH = 'CareTeam.participant.member'"
      + " join HFJ_RESOURCE s on s.RES_ID = l.SRC_RESOURCE_ID and s.RES_DELETED_AT is null"
      + " join HFJ_RES_VER v on v.RES_ID = s.RES_ID and v.RES_VER = s.RES_VER"
      + " where t.RES_TYPE in ('Practitioner', 'PractitionerRole') and t.FHIR_ID in (:ids)";

  /** Current versions of a type whose text names a reference; checked on the parsed resource. */
  private static final String NAMING = "select v.RES_TEXT_VC from HFJ_RESOURCE s"
      + " join HFJ_RES_VER v on v.RES_ID = s.RES_ID and v.RES_VER = s.RES_VER"
      + " where s.RES_TYPE = :type and s.RES_DELETED_AT is null and v.RES_TEXT_VC like :reference";

  private static final String CONSENT_PATIENT = "Consent.patient";
  private static final String TEAM_SUBJECT = "CareTeam.subject";
  /** The paths by which a person's teams, episodes and consents refer to her. */
  private static final List<String> PERSON_PATHS = List.of(TEAM_SUBJECT, "EpisodeOfCare.patient", CONSENT_PATIENT);

  private final EntityManager entityManager;
  private final PersonLinkedResources linkedResources;
  private final FhirContext fhirContext;

  TeamMemberships(EntityManagerFactory entityManagerFactory, PersonLinkedResources linkedResources,
      FhirContext fhirContext) {
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    this.linkedResources = linkedResources;
    this.fhirContext = fhirContext;
  }

  /** The references ({@code Practitioner/…}, {@code PractitionerRole/…}) that stand for the professional. */
  @Transactional(readOnly = true)
  public Set<String> identitiesOf(String professional) {
    Set<String> identities = new HashSet<>();
    identities.add(professional);
    if (professional.startsWith("PractitionerRole/")) {
      for (Object row : query(PRACTITIONER_AND_ROLES_OF_ROLE).setParameter("id", idPart(professional)).getResultList()) {
        Object[] columns = (Object[]) row;
        identities.add("Practitioner/" + columns[0]);
        if (columns[1] != null) {
          identities.add("PractitionerRole/" + columns[1]);
        }
      }
    } else {
      for (Object role : query(ROLES_OF_PRACTITIONER).setParameter("id", idPart(professional)).getResultList()) {
        identities.add("PractitionerRole/" + role);
      }
    }
    return identities;
  }

  /** The persons ({@code Patient/…}) whose team or case management the professional is part of now. */
  @Transactional(readOnly = true)
  public Set<String> personsOf(Set<String> identities, Instant now) {
    IParser parser = fhirContext.newJsonParser();
    Set<String> persons = new HashSet<>();
    List<String> ids = identities.stream().map(TeamMemberships::idPart).toList();
    for (Object text : query(TEAMS_OF_MEMBERS).setParameter("ids", ids).getResultList()) {
      CareTeam team = parser.parseResource(CareTeam.class, StoredText.structureOf(text));
      if (hasActiveMember(team, identities, now) && team.getSubject().getReference() != null) {
        persons.add(team.getSubject().getReference());
      }
    }
    for (String identity : identities) {
      for (EpisodeOfCare episode : naming(EpisodeOfCare.class, identity, parser)) {
        if (isActiveCaseManager(episode, identities, now) && episode.getPatient().getReference() != null) {
          persons.add(episode.getPatient().getReference());
        }
      }
    }
    persons.removeAll(consenting(identities, ConsentProvisionType.DENY, now));
    return persons;
  }

  /**
   * The persons whose active Consent names one of the identities as actor of a provision of the
   * given type, in force now: {@code deny}, a person who refuses that professional;
   * {@code permit}, a person who authorises that informal carer (IFP-AC-03).
   */
  @Transactional(readOnly = true)
  public Set<String> consenting(Set<String> identities, ConsentProvisionType type, Instant now) {
    IParser parser = fhirContext.newJsonParser();
    Set<String> persons = new HashSet<>();
    for (String identity : identities) {
      for (Consent consent : naming(Consent.class, identity, parser)) {
        if (namesInForce(consent, identities, type, now) && consent.getPatient().getReference() != null) {
          persons.add(consent.getPatient().getReference());
        }
      }
    }
    return persons;
  }

  /**
   * Whether the professional reaches this one person now: a member of her active team or her
   * active case manager, standing as any of their identities, and not refused by her Consent.
   * Reads only her own teams, episodes and consents (one indexed query), so it costs the same
   * whatever the number of persons or of the professional's teams. The professional's other
   * identities (a second query) are asked for only when the reference they called with does not
   * settle it: it is not itself in her team, or she has a refusal in force that might name them
   * otherwise.
   */
  @Transactional(readOnly = true)
  public AccessDecision professionalReaches(String patient, String professional, Supplier<Set<String>> identities,
      Instant now) {
    IParser parser = fhirContext.newJsonParser();
    List<CareTeam> teams = new ArrayList<>();
    List<EpisodeOfCare> episodes = new ArrayList<>();
    List<Consent> refusals = new ArrayList<>();
    List<Period> periods = new ArrayList<>();
    for (PersonLinkedResources.Row row : linkedResources.of(idPart(patient), PERSON_PATHS)) {
      switch (row.type()) {
        case "CareTeam" -> {
          CareTeam team = parser.parseResource(CareTeam.class, row.text());
          teams.add(team);
          periods.add(team.getPeriod());
          team.getParticipant().forEach(participant -> periods.add(participant.getPeriod()));
        }
        case "EpisodeOfCare" -> {
          EpisodeOfCare episode = parser.parseResource(EpisodeOfCare.class, row.text());
          episodes.add(episode);
          periods.add(episode.getPeriod());
        }
        case "Consent" -> {
          Consent consent = parser.parseResource(Consent.class, row.text());
          periods.add(consent.getProvision().getPeriod());
          if (inForce(consent, ConsentProvisionType.DENY, now)) {
            refusals.add(consent);
          }
        }
        default -> { }
      }
    }
    return new AccessDecision(reaches(teams, episodes, refusals, professional, identities, now),
        AccessDecision.nextBoundary(periods, now));
  }

  private static boolean reaches(List<CareTeam> teams, List<EpisodeOfCare> episodes, List<Consent> refusals,
      String professional, Supplier<Set<String>> identities, Instant now) {
    if (refusals.isEmpty() && takesPart(teams, episodes, Set.of(professional), now)) {
      return true;
    }
    Set<String> all = identities.get();
    return refusals.stream().noneMatch(consent -> namesActor(consent, all)) && takesPart(teams, episodes, all, now);
  }

  private static boolean takesPart(List<CareTeam> teams, List<EpisodeOfCare> episodes, Set<String> identities,
      Instant now) {
    return teams.stream().anyMatch(team -> hasActiveMember(team, identities, now))
        || episodes.stream().anyMatch(episode -> isActiveCaseManager(episode, identities, now));
  }

  /** Whether an active Consent of this one person permits the informal carer now (IFP-AC-03). */
  @Transactional(readOnly = true)
  public AccessDecision carerPermitted(String patient, String relatedPerson, Instant now) {
    IParser parser = fhirContext.newJsonParser();
    List<Consent> consents = linkedResources.of(idPart(patient), List.of(CONSENT_PATIENT)).stream()
        .map(row -> parser.parseResource(Consent.class, row.text())).toList();
    boolean permitted = consents.stream()
        .anyMatch(consent -> namesInForce(consent, Set.of(relatedPerson), ConsentProvisionType.PERMIT, now));
    return new AccessDecision(permitted,
        AccessDecision.nextBoundary(consents.stream().map(consent -> consent.getProvision().getPeriod()).toList(), now));
  }

  /**
   * The {@code ifp-role}s that the identities hold now in the person's active teams, as stored
   * (the write under way is not among them): {@code representative}, {@code care-welfare-coordinator}…
   * What IFP-AC-02 and the person's consents ask of the caller, so that nobody gives themselves a
   * role by the very write that needs it.
   */
  @Transactional(readOnly = true)
  public Set<String> rolesNow(String patient, Set<String> identities, Instant now) {
    IParser parser = fhirContext.newJsonParser();
    Set<String> roles = new HashSet<>();
    for (PersonLinkedResources.Row row : linkedResources.of(idPart(patient), List.of(TEAM_SUBJECT))) {
      CareTeam team = parser.parseResource(CareTeam.class, row.text());
      activeParticipations(team, identities, now).flatMap(p -> p.getRole().stream())
          .flatMap(role -> role.getCoding().stream())
          .filter(coding -> Canonicals.ROLE.equals(coding.getSystem()) && coding.hasCode())
          .forEach(coding -> roles.add(coding.getCode()));
    }
    return roles;
  }

  private static boolean hasActiveMember(CareTeam team, Set<String> identities, Instant now) {
    return activeParticipations(team, identities, now).findAny().isPresent();
  }

  /** The identities' participations in force now, in a team that is active now. */
  private static Stream<CareTeamParticipantComponent> activeParticipations(CareTeam team, Set<String> identities,
      Instant now) {
    if (!IfpData.isActive(team) || !Periods.contains(team.getPeriod(), now)) {
      return Stream.empty();
    }
    return team.getParticipant().stream().filter(p -> identities.contains(p.getMember().getReference())
        && Periods.contains(p.getPeriod(), now));
  }

  private static boolean isActiveCaseManager(EpisodeOfCare episode, Set<String> identities, Instant now) {
    return IfpData.isActive(episode) && Periods.contains(episode.getPeriod(), now)
        && identities.contains(episode.getCareManager().getReference());
  }

  private static boolean namesInForce(Consent consent, Set<String> identities, ConsentProvisionType type,
      Instant now) {
    return inForce(consent, type, now) && namesActor(consent, identities);
  }

  private static boolean inForce(Consent consent, ConsentProvisionType type, Instant now) {
    return consent.getStatus() == Consent.ConsentState.ACTIVE
        && consent.getProvision().getType() == type
        && Periods.contains(consent.getProvision().getPeriod(), now);
  }

  private static boolean namesActor(Consent consent, Set<String> identities) {
    return consent.getProvision().getActor().stream()
        .anyMatch(actor -> identities.contains(actor.getReference().getReference()));
  }

  private <T extends org.hl7.fhir.r4.model.Resource> List<T> naming(Class<T> type, String reference, IParser parser) {
    List<?> texts = query(NAMING).setParameter("type", fhirContext.getResourceType(type))
        .setParameter("reference", "%\"" + reference + "\"%").getResultList();
    return texts.stream().map(text -> parser.parseResource(type, StoredText.structureOf(text))).toList();
  }

  private jakarta.persistence.Query query(String sql) {
    return entityManager.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
  }

  private static String idPart(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }

}
