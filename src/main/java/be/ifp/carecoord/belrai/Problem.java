package be.ifp.carecoord.belrai;

import ca.uhn.fhir.rest.api.Constants;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One thing wrong with an import request, at a field of the input JSON ({@code scales.cps},
 * {@code triggeredCaps[1]}; {@value #WHOLE_BODY} for the body as a whole).
 */
record Problem(String field, Kind kind, String message) {

  static final String WHOLE_BODY = "$";

  /** What went wrong: a request that cannot be read (400) or values that cannot be accepted (422). */
  enum Kind {
    MALFORMED(Constants.STATUS_HTTP_400_BAD_REQUEST, IssueType.STRUCTURE),
    MISSING(Constants.STATUS_HTTP_400_BAD_REQUEST, IssueType.REQUIRED),
    UNKNOWN_CODE(Constants.STATUS_HTTP_422_UNPROCESSABLE_ENTITY, IssueType.CODEINVALID),
    OUT_OF_RANGE(Constants.STATUS_HTTP_422_UNPROCESSABLE_ENTITY, IssueType.VALUE),
    NOT_FOUND(Constants.STATUS_HTTP_422_UNPROCESSABLE_ENTITY, IssueType.NOTFOUND);

    final int status;
    final IssueType issueType;

    Kind(int status, IssueType issueType) {
      this.status = status;
      this.issueType = issueType;
    }
  }

  static String child(String parent, String name) {
    return parent + "." + name;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
