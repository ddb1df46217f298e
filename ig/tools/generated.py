"""Shared by the generators in this folder: write a generated JSON file, or with --check
only tell whether the file on disk is still what the generator would write."""

import json


def write_or_check(path, data, argv, summary, command):
    """Writes `data` as JSON to `path`; with --check compares instead. Returns the exit code."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if "--check" in argv:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path.name} is out of date: run {command}")
            return 1
        print(f"{path.name} is up to date ({summary})")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.name} ({summary})")
    return 0
