package be.ifp.carecoord.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code ifp.audit.*}).
 *
 * @param enabled record an AuditEvent for every read and write of a person's data
 * @param queueCapacity read events waiting to be written; when full, new ones are dropped (and
 *     counted) rather than slowing reads down
 * @param batchSize read events written together in one database transaction
 */
@Validated
@ConfigurationProperties("ifp.audit")
public record AuditProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @DefaultValue("10000") int queueCapacity,
    @Min(1) @Max(1000) @DefaultValue("100") int batchSize) {}
