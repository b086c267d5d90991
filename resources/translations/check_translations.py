#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translatable string of ui/ or app/ lacks a translation in a .ts file.

Each .ts file is copied to --work-dir and refreshed there with lupdate (exactly as the
`translations-update` target refreshes the real one), so a string added to the sources since
the last update counts as untranslated. Also checked: every translation keeps the source's
%1..%9 placeholders and %n, and no entry is marked unfinished or left empty.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:[1-9]|n|L[1-9])")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def check(ts_path, args):
    os.makedirs(args.work_dir, exist_ok=True)
    refreshed = os.path.join(args.work_dir, os.path.basename(ts_path))
    shutil.copyfile(ts_path, refreshed)
    subprocess.run([args.lupdate, "-silent", "-I", args.source_dir, "-locations", "none", "-no-obsolete",
                    "-source-language", "en", os.path.join(args.source_dir, "ui"),
                    os.path.join(args.source_dir, "app"), "-ts", refreshed], check=True)
    problems = []
    total = 0
    for context in ET.parse(refreshed).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{os.path.basename(ts_path)}: context {name!r}, source {source!r}"
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "missing"):
                problems.append(f"{where}: no translation")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                if not form.strip():
                    problems.append(f"{where}: empty translation")
                elif placeholders(form) != placeholders(source):
                    problems.append(f"{where}: placeholders {placeholders(form)} differ from the source's "
                                    f"{placeholders(source)}")
    return total, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("ts", nargs="+")
    args = parser.parse_args()
    failed = False
    for ts in args.ts:
        total, problems = check(ts, args)
        print(f"{os.path.basename(ts)}: {total} strings, {len(problems)} problems")
        for p in problems:
            print("  " + p)
        failed = failed or bool(problems) or total == 0
    if failed:
        print("Refresh with `cmake --build --preset dev --target translations-update`, translate the entries "
              "marked type=\"unfinished\" (Qt Linguist or a text editor), and run this test again.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
