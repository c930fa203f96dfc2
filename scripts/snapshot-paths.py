#!/usr/bin/env python3
"""Issue 13 moved each rule fixture tests/fixtures/<rule>/<case>.txt (and
tests/fixtures/date/kb-event-*.txt) to tests/fixtures/<rule>/<case>/article.txt.
The reports print the article's path, so the snapshots that show it changed in
that path only. This compares every snapshot with its version at REV (default:
the commit before the move) after rewriting the old paths to the new ones, and
prints any other difference: none means the reports are otherwise byte-identical.
A SARIF fingerprint hashes the path (src/report/sarif.rs), so the fingerprints of
those snapshots are masked and counted.

    python3 scripts/snapshot-paths.py [REV]
"""
import re
import subprocess
import sys

rev = sys.argv[1] if len(sys.argv) > 1 else "5a50e5f"
RULES = "acronym-expansion-mismatch|date-conflict|entity-name-variant|quantity-conflict|reference-mismatch|role-holder-conflict"


def moved(text):
    # Plain paths, and the Markdown report's escaped ones (quantity\-conflict, \#2).
    text = re.sub(r"tests/fixtures/date/(kb-event-[a-z]+)\.txt", r"tests/fixtures/date-conflict/\1/article.txt", text)
    return re.sub(r"tests/fixtures/(" + RULES.replace("-", r"(?:\\)?-") + r")/([a-z\\-]+?)\.txt",
                  r"tests/fixtures/\1/\2/article.txt", text)


FINGERPRINT = re.compile(r'"claimcheck/v1": "[0-9a-f]{16}:([0-9]+)"')


def body(text):
    # The header (source, expression) may change; the body after it may not.
    return text.split("\n---\n", 1)[1]


old = subprocess.run(["git", "ls-tree", "--name-only", rev, "snapshots/"], capture_output=True, text=True, check=True).stdout.split()
bad = 0
for path in old:
    before = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True).stdout
    try:
        after = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        print(f"gone: {path}")
        bad += 1
        continue
    before, after = body(moved(before)), body(after)
    if before != after and FINGERPRINT.sub("FP", before) == FINGERPRINT.sub("FP", after):
        print(f"fingerprints only (they hash the path): {path}")
    elif before != after:
        print(f"differs beyond the paths: {path}")
        bad += 1
print(f"{len(old)} snapshots compared, {bad} differ beyond the fixture paths")
sys.exit(1 if bad else 0)
