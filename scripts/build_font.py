"""Make the app's own font: Noto Sans JP (SIL Open Font License), cut down to the characters the app shows.

    python scripts/build_font.py            # write static/fonts/ (after the text or the catalogs change)
    python scripts/build_font.py --check    # exit 1 if a character the app shows is missing from the font

Without a CJK font, Japanese shows as empty boxes in browsers and in the charts the server draws (PNG/SVG), and
many machines (Streamlit Community Cloud's among them) have none. The full font is 5 MB per weight; the subset
keeps Latin, Cyrillic, kana and punctuation whole, and of the ideographs only those the data and the catalogs
use. The source font comes from the npm package @expo-google-fonts/noto-sans-jp (Google Fonts' files); the
script fetches it with npm when it is not cached in .cache/fonts/. The app itself never fetches anything.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "static" / "fonts"
CACHE = ROOT / ".cache" / "fonts"
PACKAGE = "@expo-google-fonts/noto-sans-jp@0.4.3"
WEIGHTS = {"400": "400Regular/NotoSansJP_400Regular.ttf", "700": "700Bold/NotoSansJP_700Bold.ttf"}
FAMILY = "Noto Sans JP App"  # the name the app's CSS and charts use for it
# Whole blocks: everything a Latin, Cyrillic or kana text may use, whatever today's text happens to contain.
RANGES = [
    (0x20, 0x24F),
    (0x2000, 0x206F),
    (0x20A0, 0x20BF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x25FF),
    (0x0400, 0x04FF),
    (0x3000, 0x30FF),
    (0x31F0, 0x31FF),
    (0xFF00, 0xFFEF),
]


def needed() -> set[str]:
    """Every character the app can show: the data, the translations, the catalogs and the code's own strings."""
    text = []
    for pattern in (
        "data/*.csv",
        "relations/locale/*/LC_MESSAGES/messages.po",
        "relations/**/*.py",
        "app_pages/*.py",
        "app.py",
    ):
        text += [p.read_text(encoding="utf-8") for p in ROOT.glob(pattern)]
    chars = set("".join(text))
    chars |= {chr(c) for start, end in RANGES for c in range(start, end + 1)}
    return {c for c in chars if c.isprintable() and not c.isspace() or c == " "}


def font_path(weight: str, ext: str) -> Path:
    return OUT / f"NotoSansJP-App-{weight}.{ext}"


def source(weight: str) -> Path:
    cached = CACHE / WEIGHTS[weight]
    if not cached.exists():
        if not shutil.which("npm"):
            raise SystemExit("build_font: npm is needed once to fetch the source font (Debian: apt-get install npm)")
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
            archive = next(Path(tmp).glob("*.tgz"))
            subprocess.run(["tar", "xzf", str(archive), "-C", tmp], check=True)
            for rel in WEIGHTS.values():
                (CACHE / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(Path(tmp) / "package" / rel, CACHE / rel)
            shutil.copy(Path(tmp) / "package" / "LICENSE_FONT", CACHE / "LICENSE_FONT")
    return cached


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chars = needed()
    for weight in WEIGHTS:
        font = TTFont(source(weight), recalcTimestamp=False)  # keeps the source's date: the same bytes on every build
        keep = {ord(c) for c in chars} & set(font.getBestCmap())
        options = subset.Options()
        options.name_IDs = ["*"]
        options.layout_features = ["*"]
        options.notdef_outline = True
        cut = subset.Subsetter(options)
        cut.populate(unicodes=keep)
        cut.subset(font)
        rename(font)
        font.save(font_path(weight, "ttf"))  # for the charts the server draws (vl-convert reads TrueType)
        font.flavor = "woff2"  # for browsers: the same glyphs, compressed
        font.save(font_path(weight, "woff2"))
    shutil.copy(CACHE / "LICENSE_FONT", OUT / "OFL.txt")
    # What the source font itself lacks (a few symbols): the check needs no source font to know it.
    in_source = set(TTFont(source("400")).getBestCmap())
    absent = sorted(c for c in chars if ord(c) not in in_source)
    (OUT / "not-in-source.txt").write_text("".join(absent) + "\n", encoding="utf-8")


def rename(font: TTFont) -> None:
    """Give the subset its own family name: a modified font may not keep the original's name (OFL, section 3)."""
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-" + ("Bold" if font["OS/2"].usWeightClass >= 700 else "Regular")


def missing() -> set[str]:
    """Characters the app shows that the font has not got (and the source font has)."""
    cmap = set(TTFont(font_path("400", "ttf")).getBestCmap())
    absent = set((OUT / "not-in-source.txt").read_text(encoding="utf-8").strip())
    return {c for c in needed() if ord(c) not in cmap and c not in absent}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        lacking = missing()
        if lacking:
            print(
                f"the font lacks {len(lacking)} characters the app shows, e.g. {''.join(sorted(lacking)[:20])}: "
                "run python scripts/build_font.py",
                file=sys.stderr,
            )
            return 1
        return 0
    build()
    print("wrote " + ", ".join(sorted(p.name for p in OUT.iterdir())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
