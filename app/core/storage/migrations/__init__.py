"""Alembic migrations. ``SCHEMA_HEAD`` names the newest revision (a test keeps it true).

Knowing the head without loading Alembic lets start-up skip Alembic entirely when the database is
already current.
"""

from __future__ import annotations

SCHEMA_HEAD = "0008"
