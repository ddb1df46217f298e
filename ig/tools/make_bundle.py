#!/usr/bin/env python3
"""Build ig/examples/Bundle-person-file-maria.json from the single examples.

The transaction Bundle holds the same resources as the files listed in ig/examples/load-order.txt
(in that order), so the two cannot drift apart:
  * every entry gets a fullUrl `urn:uuid:<uuid5 of the example's Type/id>` (stable across runs);
  * every `Type/id` reference between examples becomes that urn:uuid;
  * the resource loses its `id` (the server assigns one) and keeps meta.profile and narrative;
  * request = POST <Type>; shared resources (organisations, practitioners, their roles, and the
    person) are conditional creates, `ifNoneExist: identifier=<system>|<value>`, so that posting the
    file twice, or posting it to a server that already knows the GP, creates no duplicates.

Usage:
  python3 ig/tools/make_bundle.py           write the Bundle
  python3 ig/tools/make_bundle.py --check   exit 1 if the Bundle on disk is not up to date
"""
import json
import sys
import uuid
from pathlib import Path
from generated import write_or_check

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGET = EXAMPLES / "Bundle-person-file-maria.json"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ifp-carecoord.github.io/fhir/examples/person-file-maria")
NATIONAL = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/"
# Which identifier a conditional create matches on, by resource type (first match wins).
MATCH_ON = {
    "Organization": [NATIONAL + "cbe", NATIONAL + "nihdi"],
    "Practitioner": [NATIONAL + "nihdi", NATIONAL + "ssin"],
    "Patient": [NATIONAL + "ssin"],
    "PractitionerRole": None,  # the employer's own identifier for the role
}


def full_url(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def rewrite(node, urls):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "reference" and isinstance(v, str):
                if v not in urls:
                    raise SystemExit(f"reference {v} does not point to an example in load-order.txt")
                out[k] = urls[v]
            else:
                out[k] = rewrite(v, urls)
        return out
    if isinstance(node, list):
        return [rewrite(x, urls) for x in node]
    return node


def if_none_exist(resource):
    rtype = resource["resourceType"]
    if rtype not in MATCH_ON:
        return None
    idents = resource.get("identifier", [])
    systems = MATCH_ON[rtype] or [i["system"] for i in idents]
    for system in systems:
        for i in idents:
            if i.get("system") == system:
                return f"identifier={system}|{i['value']}"
    raise SystemExit(f"{rtype}/{resource['id']} has no identifier to match on")


def build():
    names = [n.strip() for n in (EXAMPLES / "load-order.txt").read_text().splitlines()
             if n.strip() and not n.startswith("#") and n.strip() != TARGET.name]
    resources = [json.loads((EXAMPLES / n).read_text(encoding="utf-8")) for n in names]
    urls = {f"{r['resourceType']}/{r['id']}": full_url(f"{r['resourceType']}/{r['id']}") for r in resources}
    entries = []
    for r in resources:
        key = f"{r['resourceType']}/{r['id']}"
        body = rewrite({k: v for k, v in r.items() if k != "id"}, urls)
        request = {"method": "POST", "url": r["resourceType"]}
        condition = if_none_exist(r)
        if condition:
            request["ifNoneExist"] = condition
        entries.append({"fullUrl": urls[key], "resource": body, "request": request})
    return {
        "resourceType": "Bundle",
        "id": "person-file-maria",
        "type": "transaction",
        "timestamp": "2026-09-20T15:00:00+02:00",
        "entry": entries,
    }


def main(argv):
    bundle = build()
    return write_or_check(TARGET, bundle, argv, f"{len(bundle['entry'])} entries",
                          "python3 ig/tools/make_bundle.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
