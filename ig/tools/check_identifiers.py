#!/usr/bin/env python3
"""Check the Belgian identifiers in the IG examples, and compute check digits for new ones.

Usage:
  python3 ig/tools/check_identifiers.py                 verify every example (see below)
  python3 ig/tools/check_identifiers.py -v              ... and list every identifier checked
  python3 ig/tools/check_identifiers.py ssin 410312084  print the full SSIN(s) for 9 digits
  python3 ig/tools/check_identifiers.py cbe 12345678    print the CBE number for 8 digits
  python3 ig/tools/check_identifiers.py nihdi 143218 003  print a NIHDI number (6 digits + competence code)

The algorithms follow shared/reference/be-identifiers.md:
  SSIN   11 digits; check = 97 - (first 9 digits mod 97); for people born in 2000 or later
         the 9 digits get a leading 2 first. A value passes when either variant matches.
  CBE    10 digits, first digit 0 or 1; check = 97 - (first 8 digits mod 97).
  NIHDI  11 digits (8 digits: deprecated, reported as a warning). For professionals the
         check on digits 7-8 is 97 - (first 6 mod 97) or 89 - (first 6 mod 89); a failure is
         a warning, as in rule IFP-ID-03. Organisation numbers get the format check only.
A value carrying the pseudonymisation extension of the national profiles is skipped.

Every identifier found in a resource (any `system`/`value` pair with one of the three systems)
is checked, and so is every `identifier=system|value` search in Bundle.entry.request.ifNoneExist.
Exit status 1 when
  * an identifier in ig/examples or ig/examples/warning fails, or one in ig/examples/invalid whose
    file name does not say it breaks an identifier rule (`-ifp-id-` in the name);
  * a file in ig/examples/invalid named `*-ifp-id-*` has no failing identifier (then it is not the
    invalid example it claims to be);
  * one of the published example values listed in FORBIDDEN is used anywhere.
"""
import json
import re
import sys
from pathlib import Path
from urllib.parse import parse_qsl

NS = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/"
SSIN, NIHDI, CBE = NS + "ssin", NS + "nihdi", NS + "cbe"
NIHDI_SYSTEMS = {NIHDI, NS + "nihdi-professional", NS + "nihdi-organization"}
PSEUDO = "https://www.ehealth.fgov.be/standards/fhir/infsec/StructureDefinition/be-ext-pseudonymization"

# Values published as examples elsewhere: never reuse them in this project's examples.
FORBIDDEN = {
    "79121137740": "SSIN example of the national IG (fails its check digits)",
    "0425222333": "CBE example of the national IG (fails its check digits)",
    "99999999999": "organisation NIHDI example of the national IG",
    "18749704477": "practitioner NIHDI example of the national IG",
    "93051822361": "worked example in be-identifiers.md",
    "00012556777": "worked example in be-identifiers.md",
    "79521136765": "worked example in be-identifiers.md",
    "85010111397": "worked example in be-identifiers.md",
    "0353456320": "worked example in be-identifiers.md",
    "0566988259": "worked example in be-identifiers.md",
}

ROOT = Path(__file__).resolve().parents[1] / "examples"


def check_number(n: int, modulus: int) -> int:
    """modulus - (n mod modulus): between 1 and modulus, never 0."""
    return modulus - n % modulus


def ssin_checks(nine: str) -> dict:
    """The two possible check numbers for the first 9 digits: {'before 2000': .., '2000 or later': ..}."""
    return {"before 2000": check_number(int(nine), 97),
            "2000 or later": check_number(int("2" + nine), 97)}


def check_ssin(v: str):
    """Returns (severity, message) or None when the value is a valid SSIN."""
    if not re.fullmatch(r"\d{11}", v):
        return "error", "SSIN must be exactly 11 digits, no punctuation"
    if int(v[9:]) not in ssin_checks(v[:9]).values():
        c = ssin_checks(v[:9])
        return "error", (f"SSIN check digits {v[9:]} wrong: expected {c['before 2000']:02d} "
                         f"(born before 2000) or {c['2000 or later']:02d} (born 2000 or later)")
    return None


def check_cbe(v: str):
    if not re.fullmatch(r"[01]\d{9}", v):
        return "error", "CBE must be 10 digits and start with 0 or 1"
    expected = check_number(int(v[:8]), 97)
    if int(v[8:]) != expected:
        return "error", f"CBE check digits {v[8:]} wrong: expected {expected:02d}"
    return None


def check_nihdi(v: str, professional: bool):
    if re.fullmatch(r"\d{8}", v):
        return "warning", "NIHDI in the deprecated 8-digit form"
    if not re.fullmatch(r"\d{11}", v):
        return "error", "NIHDI must be 11 digits (or 8, deprecated), no punctuation"
    if professional:
        base, chk = int(v[:6]), int(v[6:8])
        if chk not in (check_number(base, 97), check_number(base, 89)):
            return "warning", (f"NIHDI check digits {v[6:8]} match neither modulo 97 "
                               f"({check_number(base, 97):02d}) nor modulo 89 ({check_number(base, 89):02d})")
    return None


def verify(system: str, value: str, resource_type: str):
    if value in FORBIDDEN:
        return "error", f"value {value} is forbidden here: {FORBIDDEN[value]}"
    if system == SSIN:
        return check_ssin(value)
    if system == CBE:
        return check_cbe(value)
    if system in NIHDI_SYSTEMS:
        professional = system != NS + "nihdi-organization" and resource_type != "Organization"
        return check_nihdi(value, professional)
    return None


def is_pseudonymised(identifier: dict) -> bool:
    ext = (identifier.get("_value") or {}).get("extension") or []
    return any(e.get("url") == PSEUDO for e in ext)


def identifiers(node, path, resource_type):
    """Yields (path, system, value, resource_type) for every identifier-like object and ifNoneExist."""
    if isinstance(node, dict):
        if "resourceType" in node:
            resource_type = node["resourceType"]
        system, value = node.get("system"), node.get("value")
        if isinstance(system, str) and isinstance(value, str) and (
                system in (SSIN, CBE) or system in NIHDI_SYSTEMS) and not is_pseudonymised(node):
            yield path, system, value, resource_type
        request = node.get("request")
        if isinstance(request, dict) and isinstance(request.get("ifNoneExist"), str):
            target = request.get("url", "").split("?")[0]
            for key, param in parse_qsl(request["ifNoneExist"]):
                if key == "identifier" and "|" in param:
                    system, value = param.split("|", 1)
                    if system in (SSIN, CBE) or system in NIHDI_SYSTEMS:
                        yield f"{path}.request.ifNoneExist", system, value, target
        for key, child in node.items():
            yield from identifiers(child, f"{path}.{key}", resource_type)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from identifiers(child, f"{path}[{i}]", resource_type)


def scan(f, report_ok=False, expected=False):
    """Prints the findings for one file; returns the number of errors. Expected errors print as 'expected'."""
    errors = 0
    data = json.loads(f.read_text(encoding="utf-8"))
    for path, system, value, rtype in identifiers(data, data.get("resourceType", "?"), None):
        finding = verify(system, value, rtype)
        kind = system.rsplit("/", 1)[-1]
        if finding is None:
            if report_ok:
                print(f"ok       {f.relative_to(ROOT.parent)}  {kind} {value}")
            continue
        severity, message = finding
        if severity == "error":
            errors += 1
        label = "expected" if expected and severity == "error" else severity
        print(f"{label:8} {f.relative_to(ROOT.parent)}  {path}  {kind} {value}: {message}")
    return errors


def make(kind: str, args):
    if kind == "ssin" and len(args) == 1 and re.fullmatch(r"\d{9}", args[0]):
        for label, chk in ssin_checks(args[0]).items():
            print(f"{args[0]}{chk:02d}  ({label})")
    elif kind == "cbe" and len(args) == 1 and re.fullmatch(r"[01]\d{7}", args[0]):
        print(f"{args[0]}{check_number(int(args[0]), 97):02d}")
    elif kind == "nihdi" and len(args) == 2 and re.fullmatch(r"\d{6}", args[0]) and re.fullmatch(r"\d{3}", args[1]):
        print(f"{args[0]}{check_number(int(args[0]), 97):02d}{args[1]}  (modulo 97)")
    else:
        sys.exit(__doc__)


def main(argv):
    if argv and argv[0] in ("ssin", "cbe", "nihdi"):
        make(argv[0], argv[1:])
        return 0
    if argv and argv[0] != "-v":
        sys.exit(__doc__)
    verbose = "-v" in argv
    failures, files = 0, 0
    for folder in (ROOT, ROOT / "warning", ROOT / "invalid"):
        for f in sorted(folder.glob("*.json")):
            files += 1
            expect_failure = folder.name == "invalid" and "-ifp-id-" in f.name
            errors = scan(f, report_ok=verbose, expected=expect_failure)
            if expect_failure and errors == 0:
                failures += 1
                print(f"error    {f.relative_to(ROOT.parent)}: named after an identifier rule, but every identifier passes")
            elif not expect_failure:
                failures += errors
    print(f"{files} example files checked, {failures} unexpected identifier result(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
