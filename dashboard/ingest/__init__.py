"""Import of user data files: read, check against the written schemas, report in French.

load_file(kind, path, geography) -> LoadResult     one file of a known kind
load_folder(path, geography) -> FolderLoad         a data folder as users download it
aggregate_indicator(frame, geography, level)       commune indicators summed upwards
"""

from __future__ import annotations

from dashboard.ingest.folder import FolderLoad, load_folder
from dashboard.ingest.indicators import DEFAULT_RATIOS, aggregate_indicator
from dashboard.ingest.load import LoadResult, load_file
from dashboard.ingest.report import LoadReport, Rejection

__all__ = [
    "DEFAULT_RATIOS",
    "FolderLoad",
    "LoadReport",
    "LoadResult",
    "Rejection",
    "aggregate_indicator",
    "load_file",
    "load_folder",
]
