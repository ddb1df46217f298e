package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Language;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The IFP rules on this server ({@code ifp.rules.*}); see docs/configuration.md and
 * docs/rules.md.
 *
 * @param enabled check the IFP rules on every write and in {@code $validate}.
 * @param defaultEntity the federated entity (VL, WAL, BXL, DG) whose severities apply to
 *     resources that name none through the {@code ifp-entity} extension of their team or episode.
 * @param defaultLanguage the language of rule messages, and of the profile validator's, when the
 *     request's {@code Accept-Language} names none of nl, fr, de, en.
 * @param severity per rule id, per entity, a severity (error, warning, off) that replaces the
 *     catalogue's default, e.g. {@code ifp.rules.severity.IFP-TM-03.WAL: error}.
 * @param caseManagement settings of the case-management rules.
 * @param wal settings that only apply in Wallonia.
 */
@Validated
@ConfigurationProperties("ifp.rules")
public record RulesProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("VL") Entity defaultEntity,
    @DefaultValue("EN") Language defaultLanguage,
    @DefaultValue Map<String, Map<String, String>> severity,
    @DefaultValue CaseManagement caseManagement,
    @DefaultValue Wallonia wal) {

  /**
   * Case management.
   *
   * @param maxReviewInterval IFP-CM-03: a {@code next-review} later than the episode's start plus
   *     this interval is a warning (an assumption: the texts give no number).
   */
  public record CaseManagement(@DefaultValue("P6M") Period maxReviewInterval) {}

  /**
   * Wallonia.
   *
   * @param coordinatorProfessions IFP-TM-05: the profession codes (CD-HCPARTY or
   *     ifp-welfare-profession) a reimbursable coordinator may have; empty = the eligible value
   *     sets.
   * @param caseManagerProfessions IFP-CM-02: the profession codes a case manager may have;
   *     empty = the health professions value set.
   */
  public record Wallonia(
      @DefaultValue List<String> coordinatorProfessions,
      @DefaultValue List<String> caseManagerProfessions) {}
}
