#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the FHIR bundles exported by test_fhir_import against the official R4 JSON schema
# (draft-06) with python3-jsonschema, and checks that a deliberately broken bundle is rejected,
# so this test can fail. Usage: validate_bundles.py SCHEMA DIR
import copy
import json
import pathlib
import sys

import jsonschema


def errors_of(validator, bundle):
    return sorted(validator.iter_errors(bundle), key=lambda e: list(e.absolute_path))


def main():
    schema_path, folder = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft6Validator.check_schema(schema)
    validator = jsonschema.Draft6Validator(schema)
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"no exported bundles in {folder}", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        bundle = json.loads(path.read_text(encoding="utf-8"))
        errors = errors_of(validator, bundle)
        entries = len(bundle.get("entry", []))
        if errors:
            failed += 1
            for e in errors[:10]:
                print(f"{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}", file=sys.stderr)
        else:
            print(f"{path.name}: valid ({entries} entries)")

    # The check must be able to fail: an invented property, a bad date and a wrong type are refused.
    broken = json.loads(files[0].read_text(encoding="utf-8"))
    for name, change in (("unknown property", lambda p: p.__setitem__("favouriteColour", "blue")),
                         ("invalid birthDate", lambda p: p.__setitem__("birthDate", "1974-13-45")),
                         ("gender as a number", lambda p: p.__setitem__("gender", 1))):
        mutated = copy.deepcopy(broken)
        change(mutated["entry"][0]["resource"])
        if not errors_of(validator, mutated):
            print(f"the schema accepted a broken bundle ({name})", file=sys.stderr)
            failed += 1
        else:
            print(f"broken bundle rejected as expected ({name})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
