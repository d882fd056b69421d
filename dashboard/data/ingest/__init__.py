"""Import of user data files: read, check against the written schemas, report in French.

load_file(kind, path, geography) -> LoadResult     one file of a known kind
load_folder(path, geography) -> FolderLoad         a data folder as users download it
aggregate_indicator(frame, geography, level)       commune indicators summed upwards
"""

from __future__ import annotations

from dashboard.data.ingest.folder import FolderLoad, load_folder
from dashboard.data.ingest.indicators import DEFAULT_RATIOS, aggregate_indicator
from dashboard.data.ingest.load import LoadResult, load_file
from dashboard.data.ingest.report import LoadReport, Rejection

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
