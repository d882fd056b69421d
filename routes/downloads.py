"""Download routes: filtered lauréats (CSV, XLSX) and the A4 région sheet (PDF).

Plain Flask routes rather than ``dcc.Download`` callbacks: a link works from a
bookmark, a shared URL or ``curl``, the browser streams the file itself, and the
query string is the national map's own (``FilterState.from_query``), so "what I see"
and "what I export" cannot drift apart. The map images (PNG/SVG) are drawn in the
browser by ``assets/exports.js``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from datetime import date

from dash import Dash
from flask import Response, abort, request

from callbacks.request_store import request_store
from dashboard.analysis.filters import FilterState
from dashboard.analysis.funding_gaps import GapState, funding_gaps
from dashboard.analysis.url_state import too_many_fields
from dashboard.data.live_store import StoreSource
from dashboard.data.schemas import SCHEMAS
from dashboard.data.store import DataStore
from dashboard.reports import exports, file_templates
from dashboard.reports.cluster_summary import cluster_summary
from dashboard.reports.region_sheet_pdf import UnknownRegion, region_sheet_pdf
from dashboard.reports.region_summary import UnknownTerritory
from dashboard.text import labels
from layouts.funding_gaps import GAPS_DATASET
from layouts.paths import TEMPLATE_PATH
from routes.sessions import message_page

LOG = logging.getLogger(__name__)
CSV_TYPE = "text/csv"  # Flask adds "; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
EXPORT_PREFIX = "/export/"


def register(app: Dash, store: StoreSource) -> None:
    server = app.server
    sheets = _SheetCache(store)

    @server.before_request
    def forged_export_address():
        if request.path.startswith(EXPORT_PREFIX) and too_many_fields(
            request.query_string.decode("utf-8", "replace")
        ):
            return message_page(labels.EXPORT_REFUSED_TITLE, labels.QUERY_TOO_LONG, 400)
        return None

    def laureats_csv() -> Response:
        data = request_store(store)  # one version for the whole answer
        state = FilterState.from_query(request.query_string.decode("utf-8", "replace"))
        body = exports.to_excel_csv(exports.laureats_for_export(data, state))
        return _attachment(body, CSV_TYPE, exports.export_filename("csv", version=_version(data)))

    def laureats_xlsx() -> Response:
        data = request_store(store)
        state = FilterState.from_query(request.query_string.decode("utf-8", "replace"))
        frame = exports.laureats_for_export(data, state)
        info = exports.export_information(data, state, len(frame))
        return _attachment(
            exports.to_xlsx(frame, info),
            XLSX_TYPE,
            exports.export_filename("xlsx", version=_version(data)),
        )

    def region_pdf(code: str) -> Response:
        try:
            body, seconds = sheets.get(code)
        except UnknownRegion:
            abort(404)
        response = _attachment(body, PDF_TYPE, f"fiche-region-{code}-{date.today()}.pdf")
        response.headers["Server-Timing"] = f"render;dur={seconds * 1000:.0f}"
        return response

    def gaps_csv() -> Response:
        data = request_store(store)
        _state, _result, frame = _gaps_frame(data)
        return _attachment(
            exports.to_excel_csv(frame),
            CSV_TYPE,
            exports.gaps_filename("csv", version=_version(data)),
        )

    def gaps_xlsx() -> Response:
        data = request_store(store)
        state, result, frame = _gaps_frame(data)
        info = exports.gaps_information(data, state, result, len(frame))
        body = exports.to_xlsx(frame, info, labels.GAPS_EXPORT_SHEET, exports.GAP_FORMATS)
        return _attachment(body, XLSX_TYPE, exports.gaps_filename("xlsx", version=_version(data)))

    def cluster_summary_or_404(id_cluster: str):
        data = request_store(store)
        try:
            return data, cluster_summary(data, id_cluster)
        except UnknownTerritory:
            abort(404)

    def cluster_collaborations_csv(id_cluster: str) -> Response:
        _data, summary = cluster_summary_or_404(id_cluster)
        body = exports.to_excel_csv(exports.cluster_collaborations_for_export(summary))
        return _attachment(body, CSV_TYPE, f"{_safe_name(id_cluster)}-collaborations.csv")

    def cluster_laureats_csv(id_cluster: str) -> Response:
        data, summary = cluster_summary_or_404(id_cluster)
        body = exports.to_excel_csv(exports.laureat_rows_for_export(data, summary.laureats))
        return _attachment(body, CSV_TYPE, f"{_safe_name(id_cluster)}-laureats.csv")

    def cluster_xlsx(id_cluster: str) -> Response:
        data, summary = cluster_summary_or_404(id_cluster)
        collaborations = exports.cluster_collaborations_for_export(summary)
        body = exports.to_xlsx(
            exports.laureat_rows_for_export(data, summary.laureats),
            exports.cluster_information(data, summary),
            more_sheets=[(labels.CLUSTER_EXPORT_SHEET, collaborations, {})],
        )
        return _attachment(body, XLSX_TYPE, f"{_safe_name(id_cluster)}.xlsx")

    server.add_url_rule(
        f"{EXPORT_PREFIX}cluster/<id_cluster>-collaborations.csv",
        "export_cluster_collaborations",
        cluster_collaborations_csv,
    )
    server.add_url_rule(
        f"{EXPORT_PREFIX}cluster/<id_cluster>-laureats.csv",
        "export_cluster_laureats",
        cluster_laureats_csv,
    )
    server.add_url_rule(
        f"{EXPORT_PREFIX}cluster/<id_cluster>.xlsx", "export_cluster_xlsx", cluster_xlsx
    )

    def file_template(kind: str, extension: str) -> Response:
        """The empty file of a nature (columns, one example row; XLSX: accepted values);
        public, like the format section of the README."""
        if kind not in SCHEMAS or extension not in ("csv", "xlsx"):
            abort(404)
        if extension == "csv":
            return _attachment(file_templates.template_csv(kind), CSV_TYPE, f"modele-{kind}.csv")
        body = file_templates.template_xlsx(kind, request_store(store))
        return _attachment(body, XLSX_TYPE, f"modele-{kind}.xlsx")

    server.add_url_rule(f"{TEMPLATE_PATH}/<kind>.<extension>", "file_template", file_template)
    gaps = f"{EXPORT_PREFIX}{GAPS_DATASET}"
    server.add_url_rule(f"{gaps}.csv", "export_gaps_csv", gaps_csv)
    server.add_url_rule(f"{gaps}.xlsx", "export_gaps_xlsx", gaps_xlsx)
    server.add_url_rule("/export/laureats.csv", "export_laureats_csv", laureats_csv)
    server.add_url_rule("/export/laureats.xlsx", "export_laureats_xlsx", laureats_xlsx)
    server.add_url_rule("/export/region/<code>.pdf", "export_region_pdf", region_pdf)


class _SheetCache:
    """One PDF per région, data version and day, per process (the sheet prints its day)."""

    def __init__(self, store: DataStore) -> None:
        self._store = store
        self._sheets: dict[tuple[str, date], tuple[bytes, float]] = {}
        self._lock = threading.Lock()

    def get(self, code: str) -> tuple[bytes, float]:
        data = request_store(self._store)
        key = (code, date.today(), id(data))
        with self._lock:
            if key in self._sheets:
                return self._sheets[key]
        start = time.perf_counter()
        body = region_sheet_pdf(data, code)
        seconds = time.perf_counter() - start
        LOG.info("fiche régionale %s : %.2f s, %d octets", code, seconds, len(body))
        with self._lock:
            self._sheets = {k: v for k, v in self._sheets.items() if k[1:] == key[1:]}
            self._sheets[key] = (body, seconds)
        return body, seconds


def _gaps_frame(data: DataStore):
    state = GapState.from_query(request.query_string.decode("utf-8", "replace"))
    result = funding_gaps(data, state)
    return state, result, exports.gaps_for_export(result, state.regions)


def _version(store: DataStore) -> int | None:
    return store.version.number if store.version is not None else None


def _safe_name(identifier: str) -> str:
    """A file name from an identifier a file gave (no quote, slash or control character)."""
    return "cluster-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", identifier)[:60]


def _attachment(body: bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
