#!/usr/bin/env python3
"""Refreshes translations/*.ts from the sources and keeps every translation
already written, wherever it was written.

Two branches that both add strings conflict in the .ts files (lupdate writes
relative line numbers, so any edit above a string moves it). This script
resolves that: it gathers every finished translation from the working-tree
files, from the index stages of a conflicted merge (base, ours, theirs) and
from any revisions named with --from, runs lupdate into the working-tree
files, and fills each string lupdate left unfinished whose source text was
translated somewhere before.

    python3 tools/ts-merge.py [--from REV ...] [--lupdate PATH]

Prints what is still unfinished (a string nobody has translated yet) and
exits 1 if anything is, so tst_translations would fail.
"""
import argparse
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_FILES = ["translations/littlelemon_pt_BR.ts", "translations/littlelemon_es.ts"]


def translated_sources():
    """The paths lupdate reads: LL_TRANSLATED_SOURCES in translations/CMakeLists.txt (one list, not two)."""
    with open(os.path.join(ROOT, "translations", "CMakeLists.txt"), encoding="utf-8") as f:
        text = f.read()
    block = re.search(r"set\(LL_TRANSLATED_SOURCES(.*?)CACHE", text, re.S)
    if not block:
        sys.exit("ts-merge: LL_TRANSLATED_SOURCES not found in translations/CMakeLists.txt")
    return block.group(1).split()


SOURCES = translated_sources()


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def key(context, message):
    comment = message.findtext("comment") or ""
    return (context, message.findtext("source") or "", comment)


def harvest(text, into):
    """Adds every finished translation in a .ts text to `into`."""
    if not text or "<<<<<<<" in text:
        # A conflicted file: take what parses from each side.
        if text and "<<<<<<<" in text:
            for side in split_conflict(text):
                harvest(side, into)
        return
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if not (tr.text or "").strip() and not list(tr):
                continue
            into.setdefault(key(name, msg), tr)


def split_conflict(text):
    ours, theirs, state = [], [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<<"):
            state = 1
        elif line.startswith("|||||||"):
            state = 3
        elif line.startswith("=======") and state in (1, 3):
            state = 2
        elif line.startswith(">>>>>>>"):
            state = 0
        elif state == 0:
            ours.append(line)
            theirs.append(line)
        elif state == 1:
            ours.append(line)
        elif state == 2:
            theirs.append(line)
    return ["".join(ours), "".join(theirs)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="revs", action="append", default=[])
    ap.add_argument("--lupdate", default="/usr/lib/qt6/bin/lupdate")
    args = ap.parse_args()

    unfinished = 0
    for ts in TS_FILES:
        known = {}
        path = os.path.join(ROOT, ts)
        if os.path.exists(path):
            harvest(open(path, encoding="utf-8").read(), known)
        for stage in ("2", "3", "1"):
            r = git("show", f":{stage}:{ts}")
            if r.returncode == 0:
                harvest(r.stdout, known)
        for rev in args.revs + ["HEAD", "MERGE_HEAD"]:
            r = git("show", f"{rev}:{ts}")
            if r.returncode == 0:
                harvest(r.stdout, known)
        # lupdate needs a well-formed file to start from.
        if os.path.exists(path) and "<<<<<<<" in open(path, encoding="utf-8").read():
            r = git("show", f"HEAD:{ts}")
            open(path, "w", encoding="utf-8").write(r.stdout)
        subprocess.run([args.lupdate, "-I", ROOT, "-locations", "relative", "-no-obsolete", "-silent",
                        *SOURCES, "-ts", ts], cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        tree = ET.parse(path)
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") != "unfinished":
                    continue
                old = known.get(key(name, msg))
                if old is None:
                    unfinished += 1
                    print(f"{ts}: unfinished: [{name}] {msg.findtext('source')!r}")
                    continue
                tr.attrib.pop("type", None)
                tr.text = old.text
                for child in list(tr):
                    tr.remove(child)
                for child in old:
                    tr.append(child)
        write_like_lupdate(tree, path)
    return 1 if unfinished else 0


def write_like_lupdate(tree, path):
    """Writes the file back, then lets lupdate format it as it always does."""
    tree.write(path, encoding="utf-8", xml_declaration=True)
    text = open(path, encoding="utf-8").read()
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    open(path, "w", encoding="utf-8").write(text)
    subprocess.run(["/usr/lib/qt6/bin/lupdate", "-I", ROOT, "-locations", "relative", "-no-obsolete",
                    "-silent", *SOURCES, "-ts", os.path.relpath(path, ROOT)], cwd=ROOT, check=True, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
