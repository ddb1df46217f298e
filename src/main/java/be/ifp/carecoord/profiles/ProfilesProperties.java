package be.ifp.carecoord.profiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The IFP profiles on this server ({@code ifp.profiles.*}).
 *
 * @param validateOnWrite validate every write of a profiled type against its IFP profile, also
 *     when the client declares no profile; a write with errors is refused with 422.
 */
@Validated
@ConfigurationProperties("ifp.profiles")
public record ProfilesProperties(@DefaultValue("true") boolean validateOnWrite) {}
