package be.ifp.carecoord.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send to the FHIR endpoint ({@code ifp.web.*}).
 *
 * @param maxRequestBody largest request body accepted, after gzip decompression; larger bodies
 *     get 413 Payload Too Large. A person-file transaction is a few hundred kilobytes.
 * @param maxJsonDepth deepest nesting of JSON objects and arrays accepted; deeper bodies get 400
 *     before any parser sees them. FHIR resources rarely nest deeper than 20.
 */
@Validated
@ConfigurationProperties("ifp.web")
public record WebProperties(
    @NotNull @DefaultValue("10MB") DataSize maxRequestBody,
    @Min(8) @Max(10_000) @DefaultValue("100") int maxJsonDepth) {}
