"""The interface's translations, managed with Babel: extract, update, compile, check.

    python scripts/i18n.py extract   # relations/locale/messages.pot from the code and data/datapackage.json
    python scripts/i18n.py update    # merge the template into each language's messages.po
    python scripts/i18n.py compile   # write each messages.mo
    python scripts/i18n.py check     # exit 1 if anything is out of date, untranslated or fuzzy (a test runs it)

The .po files are the translations (edit them); the .mo files are what the app reads, compiled from them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "relations" / "locale"
TEMPLATE = LOCALE / "messages.pot"
LANGS = ("ja", "ru")  # English is the source language: its messages are the code's own
KEYWORDS = ["-k", "_", "-k", "n_:1,2", "-k", "N_"]


def babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(target: Path = TEMPLATE) -> None:
    babel(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--omit-header",
        "--add-comments=Translators:",
        "-o",
        str(target),
        str(ROOT),
    )


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "messages.po"


def update() -> None:
    for lang in LANGS:
        if po_path(lang).exists():
            babel(
                "update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-l", lang, "--no-fuzzy-matching", "--ignore-obsolete"
            )
        else:
            babel("init", "-i", str(TEMPLATE), "-d", str(LOCALE), "-l", lang)


def compiled(lang: str) -> bytes:
    with open(po_path(lang), "rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> None:
    for lang in LANGS:
        po_path(lang).with_suffix(".mo").write_bytes(compiled(lang))


def problems() -> list[str]:
    """What is out of date or missing: the template, a catalog's entries, a compiled file."""
    import tempfile

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract(fresh)
        if fresh.read_bytes() != TEMPLATE.read_bytes():
            out.append("relations/locale/messages.pot is out of date: run python scripts/i18n.py extract update")
        with open(fresh, "rb") as f:
            wanted = {m.id for m in read_po(f) if m.id}
    for lang in LANGS:
        with open(po_path(lang), "rb") as f:
            catalog = read_po(f, locale=lang)
        have = {m.id: m for m in catalog if m.id}
        missing = wanted - set(have)
        if missing:
            out.append(f"{lang}: {len(missing)} messages not in the catalog (run update), e.g. {sorted(missing)[:2]}")
        for m in have.values():
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.fuzzy or not all(strings):
                out.append(f"{lang}: untranslated or fuzzy: {m.id!r}")
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(lang):
            out.append(f"{lang}: messages.mo is out of date: run python scripts/i18n.py compile")
    return out


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # the datapackage extractor (babel.cfg)
    commands = {"extract": extract, "update": update, "compile": compile_all}
    for command in argv or ["extract", "update", "compile"]:
        if command == "check":
            found = problems()
            print("\n".join(found) or "catalogs complete and compiled")
            if found:
                return 1
        else:
            commands[command]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
