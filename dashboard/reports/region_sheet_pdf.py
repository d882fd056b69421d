"""The A4 région sheet (PDF), laid out like a page of the report's annex.

Title « 87 projets lauréats en Bourgogne-Franche-Comté », the six KPIs, a static map
of the région (départements, TI perimeters, pins in two colours, legend, scale bar),
the featured-project cards, the data-date footnote and the source line.

Why matplotlib (``Figure`` + PDF backend) rather than reportlab: the map has to be
drawn by matplotlib anyway (geopandas plots through it), so one library lays out
the whole page, vector throughout, with no second PDF toolkit to learn or ship.
Its bundled DejaVu Sans has French accents, « », – and €, so no system font is
needed (fonts-dejavu-core is not required). Fonts are embedded as TrueType
subsets (``pdf.fonttype`` 42) so the text stays selectable and ``pdftotext`` reads
it. Text wrapping, which reportlab would do for us, is a small greedy wrap on
measured glyph widths.

matplotlib's global rcParams are not thread-safe, so a render holds a lock; at
about half a second per sheet that is fine behind the per-process cache of the
HTTP route.
"""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import matplotlib
import numpy as np
import shapely
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch
from matplotlib.patheffects import withStroke
from matplotlib.textpath import TextToPath

from dashboard.reports.region_summary import (
    FeaturedProject,
    Kpi,
    RegionSummary,
    UnknownTerritory,
    region_summary,
    ti_list_names,
)
from dashboard.text import formatting, labels

if TYPE_CHECKING:  # for type hints only: no import cycle with the store
    from dashboard.data.store import DataStore

A4 = (8.27, 11.69)  # inches, portrait
MARGIN = 0.55
WIDTH = A4[0] - 2 * MARGIN
NAVY = "#1d3557"
GREY = "#5a6270"
TILE = "#eef2f7"
# Same colours as the web pins (layouts/figures/pins.py), so screen and paper agree.
PIN_IN_TI = "#c0392b"
PIN_OUT_TI = "#f39c12"
TI_FILL = "#c0392b22"
REGION_FILL = "#fbf8f2"
NEIGHBOUR_FILL = "#e9e9e9"
MAX_CARDS = 4
SLIVER_SHARE = 0.02
GAP = 0.25
MIN_COLUMN = 2.6  # narrowest column the cards may have beside the map
LEGEND_HEIGHT = 0.95
LEGEND_WIDTH = 3.2
FOOTER_HEIGHT = 1.05
SCALE_ROOM = 0.25
CARD_MIN_HEIGHT = 1.1
LINE_SPACING = 1.3
MAP_PADDING = 0.05  # share of the région's extent shown around it, for context
# Outlines simplified to 1/2000 of the frame width (~0.05 mm on paper): the PDF
# stays small without any visible change.
SIMPLIFY_DIVISOR = 2000
# Outre-mer: one inset per région, laid out on a 3 + 2 grid.
INSET_COLUMNS = 3
SCALE_STEPS_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200)
_RENDER_LOCK = threading.Lock()
_RC = {"pdf.fonttype": 42, "font.family": "DejaVu Sans", "pdf.compression": 9}


# What callbacks/downloads.py answers with a 404: a code that is neither a région of the
# loaded geography nor a group ("outre-mer"), as region_summary() reports it.
UnknownRegion = UnknownTerritory


@dataclass(frozen=True)
class SheetCard:
    """A featured project as the page draws it: numbered, with its pin on the map."""

    number: int
    project: FeaturedProject
    lon: float
    lat: float


@dataclass(frozen=True)
class SheetData:
    """What the page shows: the région panel (``region_summary``) and what only paper
    needs (numbered cards that fit, TI perimeters, demo warning)."""

    summary: RegionSummary
    cards: tuple[SheetCard, ...]
    more_cards: int
    ti_perimeters: gpd.GeoDataFrame
    departements: gpd.GeoDataFrame  # the reference geography's, for frames and neighbours
    source: str
    demo_note: str | None


def region_sheet_pdf(store: DataStore, code: str) -> bytes:
    """The A4 PDF sheet of ``code`` (INSEE région code or "outre-mer"); raises UnknownRegion."""
    data = sheet_data(store, code)
    with _RENDER_LOCK, matplotlib.rc_context(_RC):
        figure = Figure(figsize=A4)
        FigureCanvasPdf(figure)
        _draw_page(figure, data)
        buffer = io.BytesIO()
        figure.savefig(
            buffer,
            format="pdf",
            metadata={
                "Title": data.summary.title,
                "Subject": labels.SHEET_KICKER,
                "Creator": labels.APP_TITLE,
            },
        )
    return buffer.getvalue()


def sheet_data(store: DataStore, code: str) -> SheetData:
    """The panel of ``code`` as the web shows it, plus what paper needs; raises UnknownRegion."""
    summary = region_summary(store, code)
    demo_note = labels.SHEET_DEMO_NOTE.format(
        n_fictifs=formatting.count(summary.n_fictifs), n=formatting.count(summary.n_laureats)
    )
    return SheetData(
        summary=summary,
        cards=_cards(summary)[:MAX_CARDS],
        more_cards=max(len(summary.featured) - MAX_CARDS, 0),
        ti_perimeters=_perimeters(store),
        departements=store.geography.layer("dep")[["code", "reg", "geometry"]],
        source=summary.source_line or labels.SOURCE_LINE.format(sources=labels.NOT_GIVEN),
        demo_note=demo_note if store.is_demo else None,
    )


def _cards(summary: RegionSummary) -> tuple[SheetCard, ...]:
    """The featured projects numbered in the panel's order, each with its lauréat's pin."""
    rows = summary.laureats
    pins = dict(
        zip(
            rows["id_laureat"].astype(str),
            zip(rows["lon"].astype(float), rows["lat"].astype(float), strict=True),
            strict=True,
        )
    )
    return tuple(
        SheetCard(number, project, *pins.get(project.id_laureat, (math.nan, math.nan)))
        for number, project in enumerate(summary.featured, start=1)
    )


# --- geometry ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _ti_perimeters(path: str) -> gpd.GeoDataFrame:
    """TI perimeters as the store wrote them for the browser (``tis.perimeters()``
    simplified to ~400 m, plenty for a 1:1,500,000 page), read once per file."""
    frame = gpd.read_file(path)
    return frame.set_crs(4326, allow_override=True) if frame.crs is None else frame


def _perimeters(store: DataStore) -> gpd.GeoDataFrame:
    path = Path(store.ti_perimeters_path)
    if path.exists():
        return _ti_perimeters(str(path))
    return store.tis.perimeters().rename(columns={"id_ti": "code", "lib_ti": "nom"})


# --- page layout ---------------------------------------------------------------------


class _Page:
    """Figure coordinates in inches from the top-left corner, and wrapped text."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self._measure = TextToPath()
        self.dry_run = False  # lay out without drawing, to measure a block's height

    def height_of(self, draw, *args) -> float:
        """How far down ``draw(self, x, y, ...)`` would go from y=0, drawing nothing."""
        self.dry_run = True
        try:
            return draw(self, 0.0, 0.0, *args)
        finally:
            self.dry_run = False

    def fx(self, x: float) -> float:
        return x / A4[0]

    def fy(self, y: float) -> float:
        return 1 - y / A4[1]

    def text(self, x: float, y: float, text: str, size: float, **style) -> None:
        if self.dry_run:
            return
        # parse_math=False: a "$" in a beneficiary's name is text, not mathtext.
        self.figure.text(
            self.fx(x), self.fy(y), text, fontsize=size, va="top", parse_math=False, **style
        )

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        """Width in inches of ``text`` set in DejaVu Sans at ``size`` points."""
        prop = FontProperties(family="DejaVu Sans", size=size, weight=weight)
        width, _, _ = self._measure.get_text_width_height_descent(text, prop, ismath=False)
        return width / 72

    def wrap(self, text: str, width: float, size: float, weight: str = "normal") -> list[str]:
        """Greedy word wrap on measured widths."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}".strip()
            if current and self.width(candidate, size, weight) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        return [*lines, current] if current else lines

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        width: float,
        size: float,
        max_lines: int | None = None,
        **style,
    ) -> float:
        """Write wrapped text from ``y``; returns the y below it."""
        lines = self.wrap(text, width, size, style.get("weight", "normal"))
        if max_lines and len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" .,;") + " …"]
        step = size * LINE_SPACING / 72
        for i, line in enumerate(lines):
            self.text(x, y + i * step, line, size, **style)
        return y + len(lines) * step

    def line(self, x0: float, y0: float, x1: float, y1: float, colour: str, width: float):
        if self.dry_run:
            return
        self.figure.add_artist(
            Line2D(
                [self.fx(x0), self.fx(x1)],
                [self.fy(y0), self.fy(y1)],
                color=colour,
                linewidth=width,
                solid_capstyle="butt",
                transform=self.figure.transFigure,
            )
        )

    def marker(self, x: float, y: float, colour: str) -> None:
        """A pin as drawn on the map, for the legend."""
        if self.dry_run:
            return
        self.figure.add_artist(
            Line2D(
                [self.fx(x)],
                [self.fy(y)],
                marker="o",
                markersize=5.5,
                color=colour,
                markeredgecolor="white",
                transform=self.figure.transFigure,
            )
        )

    def box(self, x: float, y: float, w: float, h: float, colour: str, edge: str = "none") -> None:
        """A filled rectangle, rounded unless it has an edge (legend swatch)."""
        if self.dry_run:
            return
        style = "round,pad=0,rounding_size=0.006" if edge == "none" else "square,pad=0"
        self.figure.patches.append(
            FancyBboxPatch(
                (self.fx(x), self.fy(y + h)),
                w / A4[0],
                h / A4[1],
                boxstyle=style,
                transform=self.figure.transFigure,
                facecolor=colour,
                edgecolor=edge,
                linewidth=0.5,
                zorder=-1,
            )
        )


@dataclass(frozen=True)
class _Frame:
    """One map frame: a région, or one overseas région of a group (an inset)."""

    codes: tuple[str, ...]
    title: str | None
    bounds: tuple[float, float, float, float]  # padded lon/lat extent
    stretch: float  # equirectangular at the mid latitude: 1 / cos(lat)

    @property
    def aspect(self) -> float:
        """Width over height on paper."""
        lon_min, lat_min, lon_max, lat_max = self.bounds
        return (lon_max - lon_min) / ((lat_max - lat_min) * self.stretch)


def _frames(summary: RegionSummary, deps: gpd.GeoDataFrame) -> list[_Frame]:
    """One frame per map area of the panel (each overseas région of a group is an inset),
    framed on its départements (``deps``) with some context around."""
    grouped = len(summary.areas) > 1
    frames = []
    for area in summary.areas:
        codes = (area.code,) if grouped else summary.region_codes
        inside = deps[deps["reg"].isin(codes).to_numpy()]
        if inside.empty:
            continue
        lon_min, lat_min, lon_max, lat_max = inside.total_bounds
        pad = max(lon_max - lon_min, lat_max - lat_min) * MAP_PADDING
        bounds = (lon_min - pad, lat_min - pad, lon_max + pad, lat_max + pad)
        stretch = 1 / math.cos(math.radians((lat_min + lat_max) / 2))
        frames.append(_Frame(codes, area.name if grouped else None, bounds, stretch))
    return frames


def _draw_page(figure: Figure, data: SheetData) -> None:
    page = _Page(figure)
    y = MARGIN
    page.text(MARGIN, y, labels.SHEET_KICKER, 7.5, color=GREY, weight="bold")
    title = data.summary.title + "*"
    y = page.paragraph(MARGIN, y + 0.22, title, WIDTH, 17, weight="bold", color=NAVY)
    page.line(MARGIN, y + 0.06, MARGIN + WIDTH, y + 0.06, PIN_IN_TI, 1.6)
    y = _draw_kpis(page, data.summary.kpis, y + 0.2)
    footer_top = A4[1] - MARGIN - FOOTER_HEIGHT
    _draw_body(page, data, y + 0.25, footer_top - 0.1)
    _draw_footer(page, data, footer_top)


def _draw_kpis(page: _Page, kpis: tuple[tuple[str, str, Kpi], ...], y: float) -> float:
    """Tiles of three per row: the figure in large navy type, its label below."""
    gap, height = 0.14, 0.98
    tile_width = (WIDTH - 2 * gap) / 3
    for i, (_, value, kpi) in enumerate(kpis):
        row, col = divmod(i, 3)
        x = MARGIN + col * (tile_width + gap)
        top = y + row * (height + gap)
        page.box(x, top, tile_width, height, TILE)
        page.text(x + 0.12, top + 0.1, value, 19, weight="bold", color=NAVY)
        page.paragraph(x + 0.12, top + 0.48, kpi.label, tile_width - 0.24, 7.4, 3, color="#222")
    rows = math.ceil(len(kpis) / 3)
    return y + rows * height + (rows - 1) * gap


def _draw_body(page: _Page, data: SheetData, top: float, bottom: float) -> None:
    """Map, legend, cards and TI list. A tall région gets the map on the left and the
    cards beside it; a wide one the full width, with legend and cards underneath:
    whichever draws the larger map. Overseas insets always take the left side."""
    frames = _frames(data.summary, data.departements)
    side_height = bottom - top - LEGEND_HEIGHT
    side_width = WIDTH - MIN_COLUMN - GAP
    if len(frames) != 1:
        right, map_bottom = _draw_grid(page, data, frames, (MARGIN, top, side_width, side_height))
        _draw_legend(page, MARGIN, map_bottom + 0.1)
        _side_column(page, data, right + GAP, top, bottom)
        return
    frame = frames[0]
    cards_width = WIDTH - LEGEND_WIDTH - GAP
    below = 0.12 + max(
        page.height_of(_draw_cards, data, cards_width, A4[1]),
        page.height_of(_draw_legend)
        + 0.15
        + page.height_of(_draw_ti_list, data, LEGEND_WIDTH, A4[1]),
    )
    wide_height = bottom - top - below
    side_w = min(side_width, frame.aspect * (side_height - SCALE_ROOM))
    wide_w = min(WIDTH, frame.aspect * (wide_height - SCALE_ROOM))
    if side_w >= wide_w:  # same shape: the wider frame is the larger map
        box = (MARGIN, top, side_w, side_height)
        right, map_bottom = _draw_frame(page, data, frame, box)
        _draw_legend(page, MARGIN, map_bottom + 0.1)
        _side_column(page, data, right + GAP, top, bottom)
        return
    _, map_bottom = _draw_frame(page, data, frame, (MARGIN, top, WIDTH, wide_height), True)
    y = map_bottom + 0.12
    legend_bottom = _draw_legend(page, MARGIN, y)
    _draw_ti_list(page, MARGIN, legend_bottom + 0.15, data, LEGEND_WIDTH, bottom)
    _draw_cards(page, MARGIN + LEGEND_WIDTH + GAP, y, data, cards_width, bottom)


def _side_column(page: _Page, data: SheetData, x: float, top: float, bottom: float) -> None:
    width = MARGIN + WIDTH - x
    y = _draw_cards(page, x, top, data, width, bottom)
    _draw_ti_list(page, x, y + 0.15, data, width, bottom)


def _draw_grid(page: _Page, data: SheetData, frames: list[_Frame], box) -> tuple[float, float]:
    """Overseas insets on a grid (3 + 2), each at its own scale with its own bar."""
    x, y, width, height = box
    columns = max(min(INSET_COLUMNS, len(frames)), 1)
    rows = max(math.ceil(len(frames) / columns), 1)
    cell_w, cell_h = width / columns, height / rows
    right, bottom = x, y
    for i, frame in enumerate(frames):
        row, col = divmod(i, columns)
        cell = (x + col * cell_w, y + row * cell_h, cell_w - 0.12, cell_h - 0.1)
        frame_right, frame_bottom = _draw_frame(page, data, frame, cell, True)
        right, bottom = max(right, frame_right), max(bottom, frame_bottom)
    return x + width, bottom


def _draw_frame(
    page: _Page, data: SheetData, frame: _Frame, box, centred: bool = False
) -> tuple[float, float]:
    """The frame fitted in ``box`` (inches); returns its right edge and the y below
    its scale bar."""
    x, y, w, h = box
    if frame.title:
        page.text(x, y, frame.title, 7.5, weight="bold", color=NAVY)
        y, h = y + 0.2, h - 0.2
    lon_min, lat_min, lon_max, lat_max = frame.bounds
    scale = min(w / (lon_max - lon_min), (h - SCALE_ROOM) / ((lat_max - lat_min) * frame.stretch))
    map_w, map_h = (lon_max - lon_min) * scale, (lat_max - lat_min) * frame.stretch * scale
    left = x + (w - map_w) / 2 if centred else x
    ax = page.figure.add_axes((page.fx(left), page.fy(y + map_h), map_w / A4[0], map_h / A4[1]))
    ax.set_axis_off()
    _draw_shapes(ax, data, frame)
    _draw_pins(ax, data, frame.codes)
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    ax.set_aspect(frame.stretch)
    return left + map_w, _scale_bar(page, left, y + map_h + 0.1, scale, frame)


def _draw_shapes(ax, data: SheetData, frame: _Frame) -> None:
    """Neighbours in grey, the région's départements and outline, TI perimeters clipped."""
    deps = data.departements
    lon_min, _, lon_max, _ = frame.bounds
    around = deps[deps.intersects(shapely.box(*frame.bounds)).to_numpy()]
    tolerance = (lon_max - lon_min) / SIMPLIFY_DIVISOR
    shapes = around.set_geometry(shapely.coverage_simplify(around.geometry.to_numpy(), tolerance))
    in_region = shapes["reg"].isin(frame.codes).to_numpy()
    if (~in_region).any():
        shapes[~in_region].plot(ax=ax, color=NEIGHBOUR_FILL, edgecolor="white", linewidth=0.5)
    shapes[in_region].plot(ax=ax, color=REGION_FILL, edgecolor="#9aa3ad", linewidth=0.4)
    outline = shapely.union_all(shapes.geometry.to_numpy()[in_region])
    gpd.GeoSeries([outline]).boundary.plot(ax=ax, color="#4a4a4a", linewidth=0.9)
    tis = data.ti_perimeters
    tis = tis[tis.intersects(outline).to_numpy()]
    if tis.empty:
        return
    clipped = tis.clip(outline)
    # Drop slivers: perimeters are simplified apart from the départements, so a TI of a
    # neighbouring région can touch this one by a few hundred metres.
    # A ratio of areas in square degrees at one place is a ratio of true areas.
    whole = shapely.area(tis.geometry.reindex(clipped.index).to_numpy())
    clipped = clipped[shapely.area(clipped.geometry.to_numpy()) >= SLIVER_SHARE * whole]
    clipped.plot(ax=ax, facecolor=TI_FILL, edgecolor=PIN_IN_TI, linewidth=0.5)
    # Names above each perimeter, as on the web panel; the pins stay readable below.
    for point, name in zip(clipped.representative_point(), clipped["nom"], strict=True):
        ax.annotate(
            str(name),
            (point.x, point.y),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            fontsize=5.5,
            color="#7b241c",
            zorder=5,
            path_effects=[withStroke(linewidth=1.6, foreground="white")],
        )


def _draw_pins(ax, data: SheetData, codes: tuple[str, ...]) -> None:
    """Outside-TI pins under inside-TI pins; numbered discs on the featured projects."""
    rows = data.summary.laureats
    points = rows[rows["reg"].isin(codes).to_numpy()].dropna(subset=["lon", "lat"])
    inside = points["dans_ti"].fillna(False).astype(bool).to_numpy()
    for mask, colour in ((~inside, PIN_OUT_TI), (inside, PIN_IN_TI)):
        ax.scatter(
            points["lon"].to_numpy()[mask],
            points["lat"].to_numpy()[mask],
            s=14,
            color=colour,
            edgecolors="white",
            linewidths=0.4,
            zorder=4,
        )
    for card in data.cards:
        if not (np.isfinite(card.lon) and np.isfinite(card.lat)):
            continue
        ax.annotate(
            str(card.number),
            (card.lon, card.lat),
            xytext=(10, 0),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=6.5,
            weight="bold",
            color="white",
            bbox={"boxstyle": "circle,pad=0.25", "facecolor": NAVY, "edgecolor": "white"},
            arrowprops={"arrowstyle": "-", "color": NAVY, "linewidth": 0.6},
            zorder=6,
            annotation_clip=True,
        )


def _scale_bar(page: _Page, x: float, y: float, scale: float, frame: _Frame) -> float:
    """A round distance about a fifth of the frame, under its bottom-left corner;
    ``scale`` is inches per degree of longitude. Returns the y below it."""
    lon_min, lat_min, lon_max, lat_max = frame.bounds
    km_per_degree = 111.32 * math.cos(math.radians((lat_min + lat_max) / 2))
    target = (lon_max - lon_min) * km_per_degree / 5
    km = max((step for step in SCALE_STEPS_KM if step <= target), default=SCALE_STEPS_KM[0])
    length = km / km_per_degree * scale
    page.line(x, y, x + length, y, "#333", 1.6)
    page.text(x + length + 0.06, y - 0.045, labels.SHEET_SCALE.format(km=km), 6.5, color="#333")
    return y + 0.06


def _draw_legend(page: _Page, x: float, y: float) -> float:
    """Header, the two pin styles in the annex's wording, the TI perimeter swatch."""
    page.text(x, y, labels.LEGEND_HEADER, 8, weight="bold", color=NAVY)
    entries = [
        ("pin", PIN_IN_TI, labels.IN_TI),
        ("pin", PIN_OUT_TI, labels.OUT_TI),
        ("area", TI_FILL, labels.SHEET_TI_PERIMETER),
    ]
    for i, (kind, colour, text) in enumerate(entries):
        top = y + 0.2 + i * 0.19
        if kind == "pin":
            page.marker(x + 0.08, top + 0.06, colour)
        else:
            page.box(x + 0.02, top, 0.13, 0.12, colour, edge=PIN_IN_TI)
        page.text(x + 0.22, top, text, 7.2, color="#222")
    return y + 0.2 + len(entries) * 0.19


def _draw_cards(
    page: _Page, x: float, y: float, data: SheetData, width: float, bottom: float
) -> float:
    """Featured projects: NAME / taille – filière / commune – TI / text / jobs."""
    page.text(x, y, labels.FEATURED_TITLE, 9.5, weight="bold", color=NAVY)
    y += 0.3
    if not data.cards:
        return page.paragraph(x, y, labels.NO_FEATURED, width, 7.5, color=GREY, style="italic")
    inner, cx = width - 0.42, x + 0.32
    for card in data.cards:
        if y > bottom - CARD_MIN_HEIGHT:
            break
        top = y
        project = card.project
        y = page.paragraph(cx, y + 0.08, project.name, inner, 8.3, 2, weight="bold", color=NAVY)
        y = page.paragraph(cx, y + 0.02, project.size_sector, inner, 7.2, 2, color=GREY)
        y = page.paragraph(cx, y, project.place, inner, 7.2, 2, color=GREY, style="italic")
        y = page.paragraph(cx, y + 0.05, project.description, inner, 7.2, 8, color="#222")
        if project.jobs:
            jobs = project.jobs
            y = page.paragraph(cx, y + 0.03, jobs, inner, 7.2, 2, weight="bold", color="#222")
        page.box(x, top, width, y - top + 0.08, TILE)
        page.text(
            x + 0.15,
            top + 0.08,
            str(card.number),
            7.5,
            weight="bold",
            color="white",
            ha="center",
            bbox={"boxstyle": "circle,pad=0.25", "facecolor": NAVY, "edgecolor": "none"},
        )
        y += 0.2
    if data.more_cards:
        more = labels.SHEET_MORE_FEATURED.format(n=data.more_cards)
        y = page.paragraph(x, y, more, width, 7, color=GREY)
    return y


def _draw_ti_list(
    page: _Page, x: float, y: float, data: SheetData, width: float, bottom: float
) -> float:
    """The région's TIs by name, as many as fit above ``bottom``; returns the y below."""
    names = ti_list_names(data.summary.tis, short=True)
    if not names or y > bottom - 0.5:
        return y
    heading = labels.REGION_TI_LIST.format(n=len(names), vintage=data.summary.ti_vintage)
    y = page.paragraph(x, y, heading, width, 8, weight="bold", color=NAVY) + 0.04
    step = 7 * LINE_SPACING / 72
    room = max(int((bottom - y) / step), 1)
    if len(names) > room:
        names = [*names[: room - 1], labels.SHEET_MORE_TIS.format(n=len(names) - room + 1)]
    for name in names:
        y = page.paragraph(x, y, f"• {name}", width, 7, 1, color="#222")
    return y


def _draw_footer(page: _Page, data: SheetData, y: float) -> None:
    """Data-date footnote, source line, base-map vintage, demo warning, print date."""
    page.line(MARGIN, y, MARGIN + WIDTH, y, "#c8ced6", 0.6)
    y += 0.08
    summary = data.summary
    if summary.data_date:
        page.text(MARGIN, y, labels.DATA_DATE_FOOTNOTE.format(date=summary.data_date), 7.5)
        y += 0.17
    y = page.paragraph(MARGIN, y, data.source, WIDTH, 7, 2, color="#222")
    map_line = f"{labels.MAP_SOURCE} ; {labels.TI_VINTAGE.format(vintage=summary.ti_vintage)}"
    if summary.version_label:
        map_line = f"{summary.version_label} ; {map_line}"
    y = page.paragraph(MARGIN, y, map_line, WIDTH, 6.5, 2, color=GREY)
    if summary.deduced:
        y = page.paragraph(MARGIN, y + 0.03, labels.REGION_DEDUCED_NOTE, WIDTH, 7, 2, color="#222")
    if data.demo_note:
        page.paragraph(
            MARGIN, y + 0.03, data.demo_note, WIDTH, 7, 2, color="#a05a00", weight="bold"
        )
    page.text(
        MARGIN + WIDTH,
        A4[1] - MARGIN + 0.18,
        labels.SHEET_GENERATED.format(date=date.today().strftime("%d/%m/%Y")),
        6,
        color=GREY,
        ha="right",
    )
