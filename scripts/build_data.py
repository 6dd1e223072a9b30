"""Rebuild the tidy tables in data/ from the raw extracts in data/raw/ and the editorial tables in data/curated/.

    python scripts/build_data.py          # write data/*.csv, data/geo/ and static/map_layers.geojson
    python scripts/build_data.py --check  # exit 1 if a committed file differs from the rebuild

The steps live in scripts/build/ (one module per family of tables); this file only starts them.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    # The build reads the vocabulary through the app's relations.schema: the repository root must be importable
    # when this file is run as a script (the tests set pytest's pythonpath instead).
    sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
    from build.orchestrator import main

    raise SystemExit(main())
