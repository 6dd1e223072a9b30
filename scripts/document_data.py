"""Write the column tables of data/README.md from data/datapackage.json (between the GENERATED markers).

python scripts/document_data.py          # rewrite
python scripts/document_data.py --check  # exit 1 if data/README.md is out of date
"""

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
BEGIN, END = "<!-- GENERATED: tables -->", "<!-- END GENERATED -->"


def tables_markdown() -> str:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    out = []
    for res in pkg["resources"]:
        key = res["schema"]["primaryKey"]
        out.append(f"### `{res['path']}` — {res['title']}\n\n{res['description']}\n")
        out.append(f"Primary key: `{', '.join(key) if isinstance(key, list) else key}`.\n")
        out.append("| column | type | unit | required | definition |\n|---|---|---|---|---|")
        for f in res["schema"]["fields"]:
            required = "yes" if f.get("constraints", {}).get("required") else ""
            allowed = f.get("constraints", {}).get("enum")
            text = f["description"] + (f" One of: {', '.join(allowed)}." if allowed else "")
            out.append(f"| `{f['name']}` | {f['type']} | {f.get('unit', '')} | {required} | {text} |")
        out.append("")
    return "\n".join(out)


def main() -> int:
    path = DATA / "README.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n\n{tables_markdown()}\n{END}{tail}"
    if "--check" in sys.argv:
        if new != text:
            print("data/README.md is out of date: run python scripts/document_data.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
