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
from functools import cache, lru_cache
from pathlib import Path

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch
from matplotlib.patheffects import withStroke
from matplotlib.textpath import TextToPath

from dashboard import formatting, labels
from dashboard.exports import data_source
from dashboard.territory import REGION_GROUPS
from geodata import paths

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
CORSE = "94"
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


class UnknownRegion(KeyError):
    """The code is neither a région of the loaded geography nor a group ("outre-mer")."""


@dataclass(frozen=True)
class SheetKpi:
    value: str
    label: str


@dataclass(frozen=True)
class SheetCard:
    number: int
    name: str
    size_sector: str
    place: str
    description: str
    jobs: str
    lon: float
    lat: float


@dataclass(frozen=True)
class SheetData:
    """Everything the page shows, computed from the store (no layout here)."""

    code: str
    title: str
    region_codes: tuple[str, ...]
    kpis: tuple[SheetKpi, ...]
    cards: tuple[SheetCard, ...]
    more_cards: int
    laureats: pd.DataFrame  # lon, lat, dans_ti, reg
    ti_perimeters: gpd.GeoDataFrame
    ti_names: tuple[str, ...]
    data_date: str | None
    source: str
    demo_note: str | None
    deduced: bool
    ti_vintage: str


def region_sheet_pdf(store, code: str) -> bytes:
    """The A4 PDF sheet of ``code`` (INSEE région code or "outre-mer"); raises UnknownRegion."""
    data = sheet_data(store, code)
    with _RENDER_LOCK, matplotlib.rc_context(_RC):
        figure = Figure(figsize=A4)
        FigureCanvasPdf(figure)
        _draw_page(figure, data, store)
        buffer = io.BytesIO()
        figure.savefig(
            buffer,
            format="pdf",
            metadata={
                "Title": data.title,
                "Subject": labels.SHEET_KICKER,
                "Creator": labels.APP_TITLE,
            },
        )
    return buffer.getvalue()


def region_codes(store, code: str) -> tuple[str, ...]:
    if code in REGION_GROUPS:
        return tuple(REGION_GROUPS[code])
    if code in store.geography.names("reg").index:
        return (code,)
    raise UnknownRegion(code)


def sheet_data(store, code: str) -> SheetData:
    codes = region_codes(store, code)
    meta = store.folder.panels.get(code, {})
    rows = store.laureats[store.laureats["reg"].isin(codes).to_numpy()]
    cards, more = _cards(rows, meta.get("featured_ids", []))
    n_fictifs = int(rows["fictif"].fillna(False).astype(bool).sum()) if "fictif" in rows else 0
    return SheetData(
        code=code,
        title=_title(store, meta, code, len(rows)),
        region_codes=codes,
        kpis=_region_kpis(store, code, codes, rows, meta),
        cards=cards,
        more_cards=more,
        laureats=rows[["lon", "lat", "dans_ti", "reg"]],
        ti_perimeters=_perimeters(store),
        ti_names=tuple(
            store.tis.table.loc[store.tis.table["reg"].isin(codes), "lib_ti"].sort_values()
        ),
        data_date=meta.get("data_date") or store.folder.data_date("laureats"),
        source=_source(store, meta),
        demo_note=labels.SHEET_DEMO_NOTE.format(
            n_fictifs=formatting.count(n_fictifs), n=formatting.count(len(rows))
        )
        if store.is_demo
        else None,
        ti_vintage=store.tis.vintage,
        deduced=bool(meta.get("deduit", False)),
    )


# --- figures of the panel ------------------------------------------------------------


# Replace by dashboard.region_summary.region_summary(store, code) once it lands (same KPIs).
def _region_kpis(
    store, code: str, codes: tuple[str, ...], rows: pd.DataFrame, meta: dict
) -> tuple[SheetKpi, ...]:
    """The annex's six figures from the rows; TI count and action-plan projects from the
    indicators file when it has them (the second is left out when unknown)."""
    n_tis = _indicator(store, code, codes, "territoires_industrie")
    if n_tis is None:
        n_tis = float(store.tis.table["reg"].isin(codes).sum())
    plans = _indicator(store, code, codes, "projets_plans_actions")
    engagement = meta.get("engagement_label") or _engagement_label(code, rows)
    kpis = [SheetKpi(formatting.count(n_tis), labels.KPI_TI)]
    if plans is not None:
        kpis.append(SheetKpi(formatting.count(plans), labels.KPI_PLANS_ACTIONS))
    kpis += [
        SheetKpi(formatting.count(len(rows)), labels.KPI_LAUREATS),
        SheetKpi(_meur(rows["investissement"].sum()), labels.KPI_INVESTMENT),
        SheetKpi(_meur(rows["montant_aide"].sum()), str(engagement)),
        SheetKpi(
            formatting.count(rows["emplois_prevus"].sum()),
            str(meta.get("emplois_label_exact") or labels.KPI_JOBS),
        ),
    ]
    return tuple(kpis)


def _engagement_label(code: str, rows: pd.DataFrame) -> str:
    """Without panel metadata: State alone in Corse and overseas (as in the annex), State
    and Région elsewhere, with the span of decision years."""
    state_only = code in REGION_GROUPS or code == CORSE
    label = labels.KPI_ENGAGEMENT_STATE if state_only else labels.KPI_ENGAGEMENT_STATE_REGION
    years = rows["date_decision"].dropna().dt.year if "date_decision" in rows else pd.Series()
    if years.empty:
        return label
    first, last = int(years.min()), int(years.max())
    return f"{label} ({first}-{last})" if first != last else f"{label} ({first})"


def _indicator(store, code: str, codes: tuple[str, ...], name: str) -> float | None:
    """Latest value of a région indicator; a group sums its régions when all have it."""
    table = store.indicators
    if table.empty:
        return None
    found = table[(table["indicateur"] == name) & (table["niveau"] == "region")]
    latest = found.sort_values("annee").drop_duplicates("code_territoire", keep="last")
    values = latest.set_index("code_territoire")["valeur"]
    if code in values.index:
        return float(values[code])
    if len(codes) > 1 and set(codes) <= set(values.index):
        return float(values[list(codes)].sum())
    return None


def _meur(euros: float) -> str:
    """ "285,5 M€"; whole amounts without decimals ("326 M€"), as the annex writes them."""
    value = float(euros) / 1e6
    decimals = 0 if round(value, 1) == round(value) else 1
    return f"{formatting.number(value, decimals)}\u00a0M€"


def _title(store, meta: dict, code: str, n: int) -> str:
    """ "87 projets lauréats en Bourgogne-Franche-Comté" (count from the rows)."""
    if code in REGION_GROUPS:
        words = labels.OVERSEAS_TITLE
    else:
        preposition = labels.REGION_PREPOSITIONS.get(code, "en")
        name = store.geography.names("reg").get(code, code)
        words = labels.REGION_TITLE.format(preposition=preposition, name=name)
    if n < 2:
        words = words.replace("projets lauréats", "projet lauréat", 1)
    return f"{formatting.count(n)} {words}"


def _source(store, meta: dict) -> str:
    """The annex source line when the panel has one, else the lauréat files' source."""
    exact = meta.get("source_line_exact")
    if exact:
        return str(exact)
    return labels.SOURCE_LINE.format(sources=data_source(store) or labels.NOT_GIVEN)


def _cards(rows: pd.DataFrame, order: list[str]) -> tuple[tuple[SheetCard, ...], int]:
    """Rows flagged ``mis_en_avant``, in the panel's order, at most MAX_CARDS of them."""
    if "mis_en_avant" not in rows:
        return (), 0
    chosen = rows[rows["mis_en_avant"].fillna(False).astype(bool).to_numpy()]
    rank = chosen["id_laureat"].map({id_: i for i, id_ in enumerate(order)}).fillna(len(order))
    chosen = chosen.assign(_rank=rank.to_numpy()).sort_values(["_rank", "beneficiaire"])
    shown = chosen.head(MAX_CARDS)
    size_sector = (
        shown["taille_entreprise"].fillna("") + " – " + shown["filiere"].fillna("")
    ).str.strip(" –")
    ti = (labels.TI_PREFIX + shown["lib_ti"]).fillna(labels.OUTSIDE_TI)
    place = (shown["commune"].fillna("") + " – " + ti).str.strip(" –")
    cards = tuple(
        SheetCard(i, *values)
        for i, values in enumerate(
            zip(
                shown["beneficiaire"].fillna("").str.upper(),
                size_sector,
                place,
                shown["description"].fillna(""),
                shown["emplois_texte"].fillna("")
                if "emplois_texte" in shown
                else [""] * len(shown),
                shown["lon"].astype(float),
                shown["lat"].astype(float),
                strict=True,
            ),
            start=1,
        )
    )
    return cards, len(chosen) - len(shown)


# --- geometry ------------------------------------------------------------------------


@cache
def _departements() -> gpd.GeoDataFrame:
    """Département polygons (dissolved communes of the reference build), read once."""
    return gpd.read_parquet(paths.build_dir() / "departements.parquet")[["code", "reg", "geometry"]]


@lru_cache(maxsize=4)
def _ti_perimeters(path: str) -> gpd.GeoDataFrame:
    """TI perimeters as the store wrote them for the browser (``tis.perimeters()``
    simplified to ~400 m, plenty for a 1:1,500,000 page), read once per file."""
    frame = gpd.read_file(path)
    return frame.set_crs(4326, allow_override=True) if frame.crs is None else frame


def _perimeters(store) -> gpd.GeoDataFrame:
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
        self.figure.text(self.fx(x), self.fy(y), text, fontsize=size, va="top", **style)

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


def _frames(data: SheetData, store) -> list[_Frame]:
    deps = _departements()
    names = store.geography.names("reg")
    grouped = len(data.region_codes) > 1
    parts = [(code,) for code in data.region_codes] if grouped else [data.region_codes]
    frames = []
    for codes in parts:
        inside = deps[deps["reg"].isin(codes).to_numpy()]
        if inside.empty:
            continue
        lon_min, lat_min, lon_max, lat_max = inside.total_bounds
        pad = max(lon_max - lon_min, lat_max - lat_min) * MAP_PADDING
        bounds = (lon_min - pad, lat_min - pad, lon_max + pad, lat_max + pad)
        stretch = 1 / math.cos(math.radians((lat_min + lat_max) / 2))
        title = str(names.get(codes[0], codes[0])) if grouped else None
        frames.append(_Frame(codes, title, bounds, stretch))
    return frames


def _draw_page(figure: Figure, data: SheetData, store) -> None:
    page = _Page(figure)
    y = MARGIN
    page.text(MARGIN, y, labels.SHEET_KICKER, 7.5, color=GREY, weight="bold")
    y = page.paragraph(MARGIN, y + 0.22, data.title + "*", WIDTH, 17, weight="bold", color=NAVY)
    page.line(MARGIN, y + 0.06, MARGIN + WIDTH, y + 0.06, PIN_IN_TI, 1.6)
    y = _draw_kpis(page, data.kpis, y + 0.2)
    footer_top = A4[1] - MARGIN - FOOTER_HEIGHT
    _draw_body(page, data, store, y + 0.25, footer_top - 0.1)
    _draw_footer(page, data, footer_top)


def _draw_kpis(page: _Page, kpis: tuple[SheetKpi, ...], y: float) -> float:
    """Tiles of three per row: the figure in large navy type, its label below."""
    gap, height = 0.14, 0.98
    tile_width = (WIDTH - 2 * gap) / 3
    for i, kpi in enumerate(kpis):
        row, col = divmod(i, 3)
        x = MARGIN + col * (tile_width + gap)
        top = y + row * (height + gap)
        page.box(x, top, tile_width, height, TILE)
        page.text(x + 0.12, top + 0.1, kpi.value, 19, weight="bold", color=NAVY)
        page.paragraph(x + 0.12, top + 0.48, kpi.label, tile_width - 0.24, 7.4, 3, color="#222")
    rows = math.ceil(len(kpis) / 3)
    return y + rows * height + (rows - 1) * gap


def _draw_body(page: _Page, data: SheetData, store, top: float, bottom: float) -> None:
    """Map, legend, cards and TI list. A tall région gets the map on the left and the
    cards beside it; a wide one the full width, with legend and cards underneath:
    whichever draws the larger map. Overseas insets always take the left side."""
    frames = _frames(data, store)
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
    deps = _departements()
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
    rows = data.laureats
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
        y = page.paragraph(cx, y + 0.08, card.name, inner, 8.3, 2, weight="bold", color=NAVY)
        y = page.paragraph(cx, y + 0.02, card.size_sector, inner, 7.2, 2, color=GREY)
        y = page.paragraph(cx, y, card.place, inner, 7.2, 2, color=GREY, style="italic")
        y = page.paragraph(cx, y + 0.05, card.description, inner, 7.2, 8, color="#222")
        if card.jobs:
            y = page.paragraph(cx, y + 0.03, card.jobs, inner, 7.2, 2, weight="bold", color="#222")
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
    if not data.ti_names or y > bottom - 0.5:
        return y
    heading = labels.REGION_TI_LIST.format(n=len(data.ti_names), vintage=data.ti_vintage)
    y = page.paragraph(x, y, heading, width, 8, weight="bold", color=NAVY) + 0.04
    step = 7 * LINE_SPACING / 72
    room = max(int((bottom - y) / step), 1)
    names = list(data.ti_names)
    if len(names) > room:
        names = [*names[: room - 1], labels.SHEET_MORE_TIS.format(n=len(names) - room + 1)]
    for name in names:
        y = page.paragraph(x, y, f"• {name}", width, 7, 1, color="#222")
    return y


def _draw_footer(page: _Page, data: SheetData, y: float) -> None:
    """Data-date footnote, source line, base-map vintage, demo warning, print date."""
    page.line(MARGIN, y, MARGIN + WIDTH, y, "#c8ced6", 0.6)
    y += 0.08
    if data.data_date:
        page.text(MARGIN, y, labels.DATA_DATE_FOOTNOTE.format(date=data.data_date), 7.5)
        y += 0.17
    y = page.paragraph(MARGIN, y, data.source, WIDTH, 7, 2, color="#222")
    map_line = f"{labels.MAP_SOURCE} ; {labels.TI_VINTAGE.format(vintage=data.ti_vintage)}"
    y = page.paragraph(MARGIN, y, map_line, WIDTH, 6.5, 2, color=GREY)
    if data.deduced:
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
