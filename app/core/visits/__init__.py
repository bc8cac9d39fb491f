"""Visit exports: detect a file, stream it into normalized visits, size fixed pools.

Typical use::

    detection = detect(path)              # show detection.summary() before importing
    reader = VisitReader(path, ImportOptions(site_timezone="Europe/Moscow"), detection=detection)
    for batch in reader.batches(progress, cancel):
        store(batch)
    reader.report                         # counts, rejected rows with line and reason, warnings
"""

from __future__ import annotations

from app.core.visits.detect import Detection, detect
from app.core.visits.errors import ImportFileError
from app.core.visits.formats.ga4 import export_sql as ga4_export_sql
from app.core.visits.mapping import MAPPABLE_FIELDS, ColumnMapping, suggest_mapping
from app.core.visits.model import (
    ContactAction,
    ImportReport,
    RejectedRow,
    RejectKind,
    Visit,
    VisitFormat,
)
from app.core.visits.options import ImportOptions
from app.core.visits.pool import TrafficProfile, recommended_pool_size
from app.core.visits.reader import VisitReader, read_visits

__all__ = [
    "MAPPABLE_FIELDS",
    "ColumnMapping",
    "ContactAction",
    "Detection",
    "ImportFileError",
    "ImportOptions",
    "ImportReport",
    "RejectKind",
    "RejectedRow",
    "TrafficProfile",
    "Visit",
    "VisitFormat",
    "VisitReader",
    "detect",
    "ga4_export_sql",
    "read_visits",
    "recommended_pool_size",
    "suggest_mapping",
]
