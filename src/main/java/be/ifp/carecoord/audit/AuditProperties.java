package be.ifp.carecoord.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code ifp.audit.*}).
 *
 * @param enabled record an AuditEvent for every read and write of a person's data
 * @param queueCapacity read events waiting to be written; when full, a read whose event does not
 *     fit is refused (503, counted) rather than served unaudited
 * @param batchSize read events written together in one database transaction
 * @param batchQuietPeriod a batch is written once no read event has come for this long
 * @param batchMaxDelay nor does a read event wait longer than this for its batch to be written
 * @param searchableBy the AuditEvent search parameters kept; R4's other AuditEvent parameters are
 *     retired, so that events are not indexed by them (see {@link AuditSearchParameters})
 */
@Validated
@ConfigurationProperties("ifp.audit")
public record AuditProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @DefaultValue("10000") int queueCapacity,
    @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
    @DefaultValue("10ms") Duration batchQuietPeriod,
    @DefaultValue("1s") Duration batchMaxDelay,
    @DefaultValue({"patient", "date", "agent", "entity", "entity-name", "action", "subtype", "outcome"})
    List<String> searchableBy) {}
