"""The browser libraries the page needs, copied from ``node_modules`` at set-up.

They are not committed: ``package-lock.json`` pins them with integrity hashes,
``npm ci`` installs them, and ``python -m sitrep.web.vendor`` copies the few
files the page loads into ``static/vendor`` (which ships inside the package).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sitrep.errors import ConfigError

VENDOR_DIR = Path(__file__).parent / "static" / "vendor"

#: file under static/vendor -> file under node_modules (all permissively licensed)
VENDOR_FILES: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "LICENSE-leaflet": "leaflet/LICENSE",
    "LICENSE-leaflet.markercluster": "leaflet.markercluster/MIT-LICENCE.txt",
    "LICENSE-topojson-client": "topojson-client/LICENSE",
    "LICENSE-world-atlas": "world-atlas/LICENSE",
}


def missing_vendor_files(vendor_dir: Path = VENDOR_DIR) -> list[str]:
    """Vendor files the page would fail to load; empty when set-up has run."""
    return [name for name in VENDOR_FILES if not (vendor_dir / name).is_file()]


def copy_vendor_files(node_modules: Path, vendor_dir: Path = VENDOR_DIR) -> list[Path]:
    """Copy the page's libraries out of an ``npm ci`` tree; returns the files written."""
    absent = [src for src in VENDOR_FILES.values() if not (node_modules / src).is_file()]
    if absent:
        raise ConfigError(f"{node_modules} lacks {', '.join(absent)}: run `npm ci` first")
    vendor_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, src in VENDOR_FILES.items():
        written.append(Path(shutil.copyfile(node_modules / src, vendor_dir / name)))
    return written


def main(argv: list[str]) -> int:
    """``python -m sitrep.web.vendor [NODE_MODULES]``: the copy step of dev/setup."""
    node_modules = Path(argv[0]) if argv else Path("node_modules")
    try:
        written = copy_vendor_files(node_modules)
    except ConfigError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return 2
    print(f"copied {len(written)} vendor file(s) to {VENDOR_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
