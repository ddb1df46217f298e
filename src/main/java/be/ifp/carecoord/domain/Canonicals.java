package be.ifp.carecoord.domain;

/** Canonical URLs of the IFP conformance resources (domain.md §2 and §3). */
public final class Canonicals {

  public static final String BASE = "https://ifp-carecoord.github.io/fhir";

  private Canonicals() {}

  public static String profile(String id) {
    return BASE + "/StructureDefinition/" + id;
  }

  public static String codeSystem(String id) {
    return BASE + "/CodeSystem/" + id;
  }

  /** Code systems the profile selection looks at. */
  public static final String ROLE = codeSystem("ifp-role");
  public static final String EPISODE_TYPE = codeSystem("ifp-episode-type");
  public static final String AGREEMENT_TYPE = codeSystem("ifp-agreement-type");
  public static final String BELRAI_INSTRUMENT = codeSystem("belrai-instrument");
  public static final String BELRAI_SCALE = codeSystem("belrai-scale");
}
