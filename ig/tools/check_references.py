#!/usr/bin/env python3
"""Check that the IG examples hang together.

  1. every file in ig/examples, ig/examples/invalid and ig/examples/warning is JSON, named
     <resourceType>-<id>.json;
  2. every example outside a Bundle declares meta.profile, and the profile is one of this IG's
     (and, once profiles/ exists, has its StructureDefinition there);
  3. every relative reference `Type/id` (in valid, invalid and warning examples alike) points to a
     valid example file ig/examples/Type-id.json, never to an invalid one;
  4. ig/examples/load-order.txt lists every valid example once, each after the examples it refers
     to, so that loading them one by one in that order never meets a dangling reference;
  5. in a Bundle, fullUrls are unique and every reference is the fullUrl of another entry; the
     valid person-file Bundle is self-contained, while the Bundles in invalid/ and warning/ may also
     refer to valid examples by Type/id (they are posted on top of them);
  6. every profile has at least one valid example;
  7. the tables in invalid/README.md and warning/README.md have a row for every file of their
     folder (first column), and every file in that column exists;
  8. the ImplementationGuide's definition.resource entries point to existing files;
  9. no file holds an empty array, object or string (FHIR JSON forbids them).
Prints one line per problem; exit status 1 if there is any.
"""
import json
import re
import sys
from pathlib import Path

IG = Path(__file__).resolve().parents[1]
EXAMPLES = IG / "examples"
INVALID = EXAMPLES / "invalid"
WARNING = EXAMPLES / "warning"
PROFILES_DIR = IG.parent / "profiles"
SD = "https://ifp-carecoord.github.io/fhir/StructureDefinition/"
PROFILES = ["ifp-patient", "ifp-related-person", "ifp-practitioner", "ifp-practitioner-role",
            "ifp-coordinator-role", "ifp-case-manager-role", "ifp-organization", "ifp-care-team",
            "ifp-care-plan", "ifp-goal", "ifp-need", "ifp-case-management", "ifp-agreement",
            "belrai-assessment", "belrai-scale"]
RELATIVE = re.compile(r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})$")

problems = []


def problem(msg):
    problems.append(msg)
    print(msg)


def references(node, path="$"):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference" and isinstance(v, str):
                yield path, v
            else:
                yield from references(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from references(v, f"{path}[{i}]")


def empties(node, path="$"):
    if isinstance(node, dict):
        if not node:
            yield path
        for k, v in node.items():
            yield from empties(v, f"{path}.{k}")
    elif isinstance(node, list):
        if not node:
            yield path
        for i, v in enumerate(node):
            yield from empties(v, f"{path}[{i}]")
    elif isinstance(node, str) and not node.strip():
        yield path


def load(folder):
    out = {}
    for f in sorted(folder.glob("*.json")):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except ValueError as e:
            problem(f"{f.name}: not valid JSON: {e}")
            continue
        for path in empties(data, data.get("resourceType", "$")):
            problem(f"{f.relative_to(IG)}: {path} is empty (leave the element out instead)")
        expected = f"{data.get('resourceType')}-{data.get('id')}.json"
        if f.name != expected:
            problem(f"{f.relative_to(IG)}: file name should be {expected} (resourceType-id)")
        out[f] = data
    return out


def check_bundle(f, bundle, keys):
    """Checks one Bundle; keys = the Type/id of the valid examples (allowed targets outside the valid folder)."""
    where = f.relative_to(IG)
    urls = [e.get("fullUrl") for e in bundle.get("entry", []) if e.get("fullUrl")]
    if len(urls) != len(set(urls)):
        problem(f"{where}: duplicate fullUrl")
    self_contained = f.parent == EXAMPLES
    for i, entry in enumerate(bundle.get("entry", [])):
        res = entry.get("resource", {})
        if not res.get("meta", {}).get("profile"):
            problem(f"{where}: entry[{i}] {res.get('resourceType')} has no meta.profile")
        request = entry.get("request", {})
        if request.get("method") == "PUT" and request.get("url") != f"{res.get('resourceType')}/{res.get('id')}":
            problem(f"{where}: entry[{i}] PUT url {request.get('url')} does not match the resource's type and id")
        if request.get("method") == "PUT" and f"{res.get('resourceType')}/{res.get('id')}" not in keys:
            problem(f"{where}: entry[{i}] updates {res.get('resourceType')}/{res.get('id')}, which is no valid example")
        for path, ref in references(res, f"Bundle.entry[{i}].resource"):
            if ref in urls:
                continue
            if not self_contained and ref in keys:
                continue
            problem(f"{where}: {path} = {ref} is neither the fullUrl of an entry"
                    + ("" if self_contained else " nor a valid example"))


def main():
    valid = load(EXAMPLES)
    invalid = load(INVALID) if INVALID.exists() else {}
    invalid.update(load(WARNING) if WARNING.exists() else {})
    keys = {f"{d['resourceType']}/{d['id']}": f for f, d in valid.items() if d.get("resourceType") != "Bundle"}
    invalid_keys = {f"{d['resourceType']}/{d['id']}" for d in invalid.values()}

    # 2, 3 and 6
    covered = set()
    for f, data in list(valid.items()) + list(invalid.items()):
        where = f.relative_to(IG)
        if data.get("resourceType") == "Bundle":
            check_bundle(f, data, keys)
            continue
        profiles = data.get("meta", {}).get("profile", [])
        if not profiles:
            problem(f"{where}: no meta.profile")
        for p in profiles:
            pid = p[len(SD):] if p.startswith(SD) else None
            if pid not in PROFILES:
                problem(f"{where}: meta.profile {p} is not a profile of this IG")
            elif PROFILES_DIR.exists() and not (PROFILES_DIR / f"StructureDefinition-{pid}.json").exists():
                problem(f"{where}: profiles/StructureDefinition-{pid}.json does not exist (yet)")
            elif f.parent == EXAMPLES:
                covered.add(pid)
        for path, ref in references(data, data.get("resourceType", "$")):
            if ref.startswith("#"):
                continue
            m = RELATIVE.match(ref)
            if not m:
                problem(f"{where}: {path} = {ref} is not a relative Type/id reference")
            elif ref not in keys:
                note = " (an invalid example)" if ref in invalid_keys else ""
                problem(f"{where}: {path} = {ref} points to no valid example{note}")
    for pid in PROFILES:
        if pid not in covered:
            problem(f"profile {pid} has no valid example")

    # 4
    order_file = EXAMPLES / "load-order.txt"
    order = [n.strip() for n in order_file.read_text().splitlines() if n.strip() and not n.startswith("#")]
    listed = set(order)
    for f in valid:
        if f.name not in listed:
            problem(f"load-order.txt does not list {f.name}")
    seen = set()
    for name in order:
        f = EXAMPLES / name
        if f not in valid:
            problem(f"load-order.txt lists {name}, which is not a valid example")
            continue
        data = valid[f]
        for path, ref in references(data):
            target = keys.get(ref)
            if data.get("resourceType") != "Bundle" and target is not None and target.name not in seen:
                problem(f"load-order.txt: {name} refers to {ref} ({path}), which is loaded later")
        seen.add(name)

    # 7
    for folder in (INVALID, WARNING):
        files = [f for f in invalid if f.parent == folder]
        if not files:
            continue
        readme = folder / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else ""
        named = set(re.findall(r"^\| `([A-Za-z]+-[A-Za-z0-9\-.]+\.json)` \|", text, re.MULTILINE))
        for f in files:
            if f.name not in named:
                problem(f"{folder.name}/README.md does not describe {f.name}")
        for n in sorted(named - {f.name for f in files}):
            problem(f"{folder.name}/README.md names {n}, which does not exist")

    # 8
    for igf in IG.glob("ImplementationGuide-*.json"):
        guide = json.loads(igf.read_text(encoding="utf-8"))
        for r in guide.get("definition", {}).get("resource", []):
            ref = r.get("reference", {}).get("reference", "")
            m = RELATIVE.match(ref)
            if not m:
                problem(f"{igf.name}: resource reference {ref} is not Type/id")
                continue
            name = f"{m.group(1)}-{m.group(2)}.json"
            is_example = r.get("exampleBoolean") is True or "exampleCanonical" in r
            if is_example and not (EXAMPLES / name).exists():
                problem(f"{igf.name}: example {ref} has no file examples/{name}")
            if not is_example and PROFILES_DIR.exists() and not (PROFILES_DIR / name).exists():
                problem(f"{igf.name}: {ref} has no file profiles/{name}")

    print(f"{len(valid)} valid and {len(invalid)} invalid or warning example files checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
