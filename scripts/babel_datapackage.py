"""A Babel extractor for data/datapackage.json: the data dictionary (table titles and descriptions, each
column's description), readable labels (x-labels) and the allowed values pages show as words (categories,
scopes, kinds...). Identifiers (fields ending in _id) are left out: they are codes, not words."""

from __future__ import annotations

import json


def extract(fileobj, keywords, comment_tags, options):
    package = json.loads(fileobj.read().decode("utf-8"))
    for res in package["resources"]:
        name = res["name"]
        yield 0, "_", res["title"], [f"datapackage.json: title of the table {name}"]
        yield 0, "_", res["description"], [f"datapackage.json: description of the table {name}"]
        for f in res["schema"]["fields"]:
            yield 0, "_", f["description"], [f"datapackage.json: {name}.{f['name']} (data dictionary)"]
            for label in f.get("x-labels", {}).values():
                yield 0, "_", label, [f"datapackage.json: {name}.{f['name']} (label of an allowed value)"]
            if f["name"].endswith("_id"):
                continue
            for value in f.get("constraints", {}).get("enum", []):
                if value not in f.get("x-labels", {}):
                    yield 0, "_", value, [f"datapackage.json: {name}.{f['name']} (an allowed value, shown as a word)"]
