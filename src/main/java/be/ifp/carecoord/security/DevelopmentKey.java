package be.ifp.carecoord.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The published DEV-ONLY signing key ({@code dev-only/dev-only-signing-key.pem} on the class
 * path). Anyone can sign tokens with it, so the server trusts it in development mode only.
 */
public final class DevelopmentKey {

  /** The {@code iss} of development tokens; no real issuer uses it. */
  public static final String ISSUER = "urn:ifp-carecoord:dev-only";
  static final String KEY_ID = "dev-only";
  private static final String RESOURCE = "/dev-only/dev-only-signing-key.pem";

  private DevelopmentKey() {}

  public static RSAPrivateCrtKey privateKey() {
    try (InputStream pem = DevelopmentKey.class.getResourceAsStream(RESOURCE)) {
      if (pem == null) {
        throw new IllegalStateException("No " + RESOURCE + " on the class path");
      }
      String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
          .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Unreadable " + RESOURCE, e);
    }
  }

  public static RSAPublicKey publicKey() {
    RSAPrivateCrtKey key = privateKey();
    BigInteger modulus = key.getModulus();
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
