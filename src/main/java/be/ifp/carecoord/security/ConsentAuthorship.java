package be.ifp.carecoord.security;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;

/**
 * A person's Consents are her own word: her refusals shut professionals out of her file, her
 * authorisations let informal carers in (IFP-AC-03), her agreements make a coordinator or a case
 * manager (IFP-TM-06, IFP-CM-05). So, at the storage layer (every route: create, update, PATCH,
 * delete, conditional writes, transaction and batch entries), a Consent is created, changed or
 * deleted only by the person it is about ({@code Consent.patient}), her representative
 * ({@link PersonInControl}), or a platform; professionals and informal carers get 403 and nothing
 * is stored. This holds for every Consent, not only those with a {@code deny} or {@code permit}
 * provision: a Consent without one can be given one by the next update, and the policy keeps all
 * consent writes to the person.
 */
@Component
@Interceptor
class ConsentAuthorship implements RestServerInterceptor {

  static final String REFUSAL = "A Consent is the person's own decision (IFP-AC-03 person-sees-own-plan: the person,"
      + " and informal carers they authorise, read their plan, goals, team and who accessed their data; a refusal"
      + " shuts a professional out): only the person, their representative or a platform may create, change or"
      + " delete it.";

  private static final String TYPE = "Consent";

  private final PersonInControl control;

  ConsentAuthorship(PersonInControl control) {
    this.control = control;
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = TeamMembershipGuard.AFTER_PERSON_CHECKS)
  public void consentCreating(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Consent consent) {
      check(consent, null, Interaction.CREATE, request);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = TeamMembershipGuard.AFTER_PERSON_CHECKS)
  public void consentChanging(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    if (resource instanceof Consent consent) {
      check(consent, PersonInControl.exists(previous) ? (Consent) previous : null, Interaction.UPDATE, request);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = TeamMembershipGuard.AFTER_PERSON_CHECKS)
  public void consentDeleting(IBaseResource resource, RequestDetails request) {
    if (resource instanceof Consent consent) {
      check(consent, consent, Interaction.DELETE, request);
    }
  }

  /** {@code written}: what is created, updated or deleted; {@code stored}: its stored version, null for a create. */
  private void check(Consent written, Consent stored, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = control.askedOf(request, TYPE, interaction);
    if (caller.isEmpty()) {
      return;
    }
    Optional<String> person = PersonInControl.patient(written.getPatient());
    // Both the person it was about and the person it is about must have decided it.
    Optional<String> before = stored == null ? person : PersonInControl.patient(stored.getPatient());
    if (control.standingOf(caller.get(), person).decides()
        && (before.equals(person) || control.standingOf(caller.get(), before).decides())) {
      return;
    }
    throw control.refusal(caller.get(), request, interaction, stored, before, REFUSAL);
  }
}
