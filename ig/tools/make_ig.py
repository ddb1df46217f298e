#!/usr/bin/env python3
"""Refresh definition.resource of ig/ImplementationGuide-be.ifp.carecoord.json.

The list is derived from the files, so the guide cannot name a resource that does not exist:
  * conformance resources: every profiles/<Type>-<id>.json (StructureDefinition, CodeSystem,
    ValueSet, SearchParameter, NamingSystem), grouped as profiles, extensions, terminology, search;
    while profiles/ does not exist yet, the ids listed in shared/spec/domain.md are used;
  * examples: ig/examples/<Type>-<id>.json in load-order.txt order, with exampleCanonical = the
    profile in meta.profile (the transaction Bundle: exampleBoolean true).
  ig/examples/invalid/ is never listed: invalid examples stay out of the published package.
Everything else in the ImplementationGuide (metadata, pages, parameters) is left as it is.

Usage: python3 ig/tools/make_ig.py [--check]
"""
import json
import re
import sys
from html import unescape
from pathlib import Path
from generated import write_or_check

IG_DIR = Path(__file__).resolve().parents[1]
GUIDE = IG_DIR / "ImplementationGuide-be.ifp.carecoord.json"
PROFILES = IG_DIR.parent / "profiles"
EXAMPLES = IG_DIR / "examples"
SD = "https://ifp-carecoord.github.io/fhir/StructureDefinition/"

# Used only until profiles/ exists (the ids of shared/spec/domain.md section 2 and 3).
DEFAULT_CONFORMANCE = (
    [("StructureDefinition", i, "profiles") for i in [
        "ifp-patient", "ifp-related-person", "ifp-practitioner", "ifp-practitioner-role",
        "ifp-coordinator-role", "ifp-case-manager-role", "ifp-organization", "ifp-care-team",
        "ifp-care-plan", "ifp-goal", "ifp-need", "ifp-case-management", "ifp-agreement",
        "belrai-assessment", "belrai-scale"]]
    + [("StructureDefinition", i, "extensions") for i in [
        "ifp-entity", "coordination-type", "next-review", "interim-coordination",
        "cm-start-reason", "cm-end-reason", "start-basis"]]
    + [("CodeSystem", i, "terminology") for i in [
        "ifp-role", "ifp-entity", "ifp-coordination-type", "ifp-cm-start-reason", "ifp-cm-end-reason",
        "ifp-goal-category", "ifp-need-domain", "ifp-careplan-category", "ifp-episode-type",
        "ifp-agreement-type", "ifp-organization-type", "ifp-welfare-profession", "belrai-instrument",
        "belrai-scale", "ifp-rule"]]
    + [("ValueSet", i, "terminology") for i in ["ifp-health-professions", "ifp-welfare-professions"]]
)
GROUP_OF = {"CodeSystem": "terminology", "ValueSet": "terminology", "NamingSystem": "terminology",
            "SearchParameter": "search"}


def conformance():
    if not PROFILES.exists():
        return [(t, i, g, None) for t, i, g in DEFAULT_CONFORMANCE]
    out = []
    for f in sorted(PROFILES.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        rtype, rid = data.get("resourceType"), data.get("id")
        if rtype == "ImplementationGuide" or not rid:
            continue
        if rtype == "StructureDefinition":
            group = "extensions" if data.get("type") == "Extension" else "profiles"
        else:
            group = GROUP_OF.get(rtype, "terminology")
        out.append((rtype, rid, group, data))
    order = {"profiles": 0, "extensions": 1, "terminology": 2, "search": 3}
    return sorted(out, key=lambda x: (order[x[2]], x[0], x[1]))


def first_sentence(resource):
    div = resource.get("text", {}).get("div", "")
    text = unescape(re.sub(r"<[^>]+>", " ", div))
    text = " ".join(text.split())
    return text.split(". ")[0].rstrip(".") + "." if text else None


def entries():
    res = []
    for rtype, rid, group, data in conformance():
        e = {"reference": {"reference": f"{rtype}/{rid}"}, "name": (data or {}).get("title") or rid}
        if data and data.get("description"):
            e["description"] = data["description"]
        e["groupingId"] = group
        res.append(e)
    names = [n.strip() for n in (EXAMPLES / "load-order.txt").read_text().splitlines()
             if n.strip() and not n.startswith("#")]
    for name in names:
        data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        e = {"reference": {"reference": f"{data['resourceType']}/{data['id']}"},
             "name": name[:-5]}
        if data["resourceType"] == "Bundle":
            e["description"] = ("The whole example person file as one transaction, with conditional creates "
                                "for the shared professionals, organisations and the person.")
            e["exampleBoolean"] = True
            e["groupingId"] = "person-file"
        else:
            desc = first_sentence(data)
            if desc:
                e["description"] = desc
            e["exampleCanonical"] = data["meta"]["profile"][0]
            e["groupingId"] = "examples"
        res.append(e)
    return res


def main(argv):
    guide = json.loads(GUIDE.read_text(encoding="utf-8"))
    guide["definition"]["resource"] = entries()
    return write_or_check(GUIDE, guide, argv, f"{len(guide['definition']['resource'])} resources",
                          "python3 ig/tools/make_ig.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
