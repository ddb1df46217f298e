package be.ifp.carecoord.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Concurrent writes ({@code ifp.sync.*}); see docs/configuration.md.
 *
 * @param conflictRetries how many times a write that lost a race with another write (409 version
 *     conflict or unique conditional URL, HAPI-0550) is run again from the start before the
 *     client gets the 409; 0 = never.
 */
@Validated
@ConfigurationProperties("ifp.sync")
record SyncProperties(@DefaultValue("5") @Min(0) @Max(MAX_RETRIES) int conflictRetries) {

  /** HAPI's own ceiling for retries a client asks for: beyond it a conflict is not a race. */
  static final int MAX_RETRIES = 100;
}
