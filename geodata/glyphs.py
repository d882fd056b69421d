"""Build the MapLibre glyph files served from ``assets/map/glyphs`` (dev-only tool).

Why: as soon as a map draws text (cluster counts, ``scattermap`` ``text``), MapLibre
fetches signed-distance-field glyphs from the style's ``glyphs`` URL, which plotly points at
fonts.openmaptiles.org. The app must reach no host but its own, so it ships the glyphs and
``layouts.figures.map_style.offline_style`` points MapLibre at them. The generated ``.pbf``
files are committed: the app itself needs neither this script nor its dependencies.

Font stacks: plotly.js turns a ``scattermap`` ``textfont`` into a MapLibre ``text-font``;
with the defaults (family "Open Sans Regular", weight "normal") cluster counts and point
labels ask for "Open Sans Regular", a bold ``textfont`` for "Open Sans Bold", a 600 weight
for "Open Sans Semibold" and an italic style for "Open Sans Italic". Each stack is rendered
from the matching Open Sans face (Apache-2.0, Debian package ``fonts-open-sans``).

Format, as node-fontnik writes it and MapLibre reads it: a protobuf
``glyphs { repeated fontstack stacks = 1 }``, ``fontstack { string name = 1;
string range = 2; repeated glyph glyphs = 3 }``, ``glyph { uint32 id = 1; bytes bitmap = 2;
uint32 width = 3; uint32 height = 4; sint32 left = 5; sint32 top = 6; uint32 advance = 7 }``;
glyphs rendered unhinted at 24 px with a 3 px buffer, so ``bitmap`` holds
``(width + 6) * (height + 6)`` bytes, rows top first; a byte is
``255 - clamp(32 * signed_distance + 64)`` (radius 8 px, cutoff 0.25: the outline sits at
191, which MapLibre's text shader takes as the glyph's edge); ``top`` is the glyph's top
minus the face's ascender.

Usage (outside the app's environment, e.g. a throw-away venv)::

    apt-get install fonts-open-sans
    python -m venv /tmp/glyphtool && /tmp/glyphtool/bin/pip install freetype-py numpy
    /tmp/glyphtool/bin/python -m geodata.glyphs

The output only depends on the font files, FreeType's outlines and this code: rerunning it
rewrites byte-identical files.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "assets" / "map" / "glyphs"
FONT_DIR = Path("/usr/share/fonts/truetype/open-sans")
LICENSE_SOURCE = Path("/usr/share/common-licenses/Apache-2.0")

FONTSTACKS = {
    "Open Sans Regular": "OpenSans-Regular.ttf",
    "Open Sans Semibold": "OpenSans-Semibold.ttf",
    "Open Sans Bold": "OpenSans-Bold.ttf",
    "Open Sans Italic": "OpenSans-Italic.ttf",
}
# Basic Latin + Latin-1, Latin Extended-A/B, general punctuation (… – — ’ « » €),
# letterlike symbols (№ ™).
RANGE_STARTS = (0, 256, 8192, 8448)

SIZE = 24  # px, as MapLibre expects (ONE_EM)
BUFFER = 3  # px around each glyph
RADIUS = 8  # px of distance that fit in the 8-bit field
CUTOFF = 0.25
CONIC_STEPS = 8
CUBIC_STEPS = 12

NOTICE = """\
Glyphes SDF (format MapLibre, .pbf) générés par geodata/glyphs.py à partir des polices
Open Sans (paquet Debian fonts-open-sans {version}).

Open Sans — Digitized data copyright (c) 2010-2011, Google Corporation.
Licence : Apache License, Version 2.0 (texte complet ci-dessous).

Les répertoires portent les noms de « font stack » que plotly.js / MapLibre demandent :
{stacks}.

--------------------------------------------------------------------------------

"""


# ---------------------------------------------------------------- protobuf encoding


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field: int, wire_type: int) -> bytes:
    return _varint((field << 3) | wire_type)


def _uint(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _sint(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint((value << 1) ^ (value >> 31))  # zigzag


def _bytes(field: int, value: bytes) -> bytes:
    return _key(field, 2) + _varint(len(value)) + value


# ---------------------------------------------------------------- outlines and SDF


def _round(value: float) -> int:
    """C++ ``std::round``: halves away from zero."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


class _Rings:
    """Collects a FreeType outline as closed polylines, in pixels."""

    def __init__(self) -> None:
        self.rings: list[list[tuple[float, float]]] = []
        self.ring: list[tuple[float, float]] = []

    def close(self) -> None:
        if self.ring:
            if self.ring[0] != self.ring[-1]:
                self.ring.append(self.ring[0])
            self.rings.append(self.ring)
            self.ring = []

    def move_to(self, to, _ctx=None) -> int:
        self.close()
        self.ring.append((to.x / 64, to.y / 64))
        return 0

    def line_to(self, to, _ctx=None) -> int:
        self.ring.append((to.x / 64, to.y / 64))
        return 0

    def conic_to(self, control, to, _ctx=None) -> int:
        x0, y0 = self.ring[-1]
        cx, cy, x1, y1 = control.x / 64, control.y / 64, to.x / 64, to.y / 64
        for i in range(1, CONIC_STEPS + 1):
            t = i / CONIC_STEPS
            u = 1 - t
            self.ring.append(
                (u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1)
            )
        return 0

    def cubic_to(self, c1, c2, to, _ctx=None) -> int:
        x0, y0 = self.ring[-1]
        ax, ay, bx, by = c1.x / 64, c1.y / 64, c2.x / 64, c2.y / 64
        x1, y1 = to.x / 64, to.y / 64
        for i in range(1, CUBIC_STEPS + 1):
            t = i / CUBIC_STEPS
            u = 1 - t
            self.ring.append(
                (
                    u**3 * x0 + 3 * u * u * t * ax + 3 * u * t * t * bx + t**3 * x1,
                    u**3 * y0 + 3 * u * u * t * ay + 3 * u * t * t * by + t**3 * y1,
                )
            )
        return 0


def _sdf(rings: list[list[tuple[float, float]]], width: int, height: int) -> bytes:
    """Signed distance field of ``rings`` (already shifted into the buffered box)."""
    cols, rows = width + 2 * BUFFER, height + 2 * BUFFER
    px, py = np.meshgrid(np.arange(cols) + 0.5, np.arange(rows) + 0.5)  # rows from the bottom
    segments = np.array(
        [(*ring[i], *ring[i + 1]) for ring in rings for i in range(len(ring) - 1)],
        dtype=np.float64,
    )
    x1, y1, x2, y2 = (segments[:, k][:, None, None] for k in range(4))
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, ((px - x1) * dx + (py - y1) * dy) / length2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    distance = np.sqrt(((px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2).min(axis=0))
    distance = np.minimum(distance, RADIUS)

    # Non-zero winding rule, as FreeType fills TrueType outlines.
    is_left = dx * (py - y1) - (px - x1) * dy
    upward = (y1 <= py) & (y2 > py) & (is_left > 0)
    downward = (y1 > py) & (y2 <= py) & (is_left < 0)
    winding = upward.sum(axis=0) - downward.sum(axis=0)
    signed = np.where(winding != 0, -distance, distance)

    field = np.clip(signed * (256 / RADIUS) + CUTOFF * 256, 0, 255).astype(np.uint8)
    return (255 - field)[::-1].tobytes()  # rows top first


def _glyph(face, freetype, code: int, ascender: int) -> bytes | None:
    index = face.get_char_index(code)
    if index == 0:
        return None
    face.load_glyph(index, freetype.FT_LOAD_NO_HINTING)
    advance = face.glyph.metrics.horiAdvance // 64
    collector = _Rings()
    if face.glyph.format == freetype.FT_GLYPH_FORMAT_OUTLINE and face.glyph.outline.n_points:
        face.glyph.outline.decompose(
            None,
            move_to=collector.move_to,
            line_to=collector.line_to,
            conic_to=collector.conic_to,
            cubic_to=collector.cubic_to,
        )
        collector.close()
    left = top = width = height = 0
    bitmap = b""
    if collector.rings:
        xs = [x for ring in collector.rings for x, _ in ring]
        ys = [y for ring in collector.rings for _, y in ring]
        xmin, ymin, xmax, ymax = _round(min(xs)), _round(min(ys)), _round(max(xs)), _round(max(ys))
        if xmax > xmin and ymax > ymin:
            shifted = [
                [(x - xmin + BUFFER, y - ymin + BUFFER) for x, y in ring]
                for ring in collector.rings
            ]
            left, top, width, height = xmin, ymax, xmax - xmin, ymax - ymin
            bitmap = _sdf(shifted, width, height)
    message = _uint(1, code)
    if width:
        message += _bytes(2, bitmap)
    message += _uint(3, width) + _uint(4, height) + _sint(5, left)
    message += _sint(6, top - ascender) + _uint(7, advance)
    return message


def glyph_range(font_path: Path, name: str, start: int) -> bytes:
    """One ``<start>-<start+255>.pbf`` file of the ``name`` font stack."""
    import freetype  # dev-only dependency

    face = freetype.Face(str(font_path))
    face.set_char_size(SIZE * 64)
    ascender = face.size.ascender // 64
    end = start + 255
    stack = _bytes(1, name.encode()) + _bytes(2, f"{start}-{end}".encode())
    for code in range(start, end + 1):
        glyph = _glyph(face, freetype, code, ascender)
        if glyph is not None:
            stack += _bytes(3, glyph)
    return _bytes(1, stack)


def _debian_version() -> str:
    changelog = Path("/usr/share/doc/fonts-open-sans/changelog.Debian.gz")
    if changelog.exists():
        import gzip

        first = gzip.decompress(changelog.read_bytes()).decode().splitlines()[0]
        return first.split("(")[1].split(")")[0]
    return "?"


def build(font_dir: Path = FONT_DIR, out_dir: Path = OUT_DIR) -> list[Path]:
    written = []
    for name, filename in FONTSTACKS.items():
        target = out_dir / name
        target.mkdir(parents=True, exist_ok=True)
        for start in RANGE_STARTS:
            path = target / f"{start}-{start + 255}.pbf"
            path.write_bytes(glyph_range(font_dir / filename, name, start))
            written.append(path)
    stacks = ", ".join(f"« {name} » ({filename})" for name, filename in FONTSTACKS.items())
    notice = NOTICE.format(version=_debian_version(), stacks=stacks)
    (out_dir / "LICENSE.txt").write_text(notice + LICENSE_SOURCE.read_text(), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata.glyphs", description=__doc__)
    parser.add_argument("--fonts", type=Path, default=FONT_DIR, help="dossier des TTF Open Sans")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="dossier de sortie")
    args = parser.parse_args(argv)
    if not (args.fonts / FONTSTACKS["Open Sans Regular"]).exists():
        parser.error(f"{args.fonts} : polices absentes (apt-get install fonts-open-sans)")
    for path in build(args.fonts, args.out):
        print(f"{path.stat().st_size:>8}  {path.relative_to(args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
