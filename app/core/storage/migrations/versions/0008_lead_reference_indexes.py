"""Indexes for the foreign keys that point at leads' rows from leads' own columns.

Deleting a lead sets ``thread_lead_id`` to NULL in its thread replies; deleting a tracking
address or a channel does the same for ``address_id`` and ``channel_id``. Without an index on
those columns each deleted row made the database read every lead: deleting a client with 20,000
leads took almost four minutes, and with a million it would not end. Partial indexes (only rows
that hold a reference) make each of those lookups one index probe.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_COLUMNS = ("thread_lead_id", "address_id", "channel_id")


def upgrade() -> None:
    for column in _COLUMNS:
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(
            op.f(f"ix_leads_{column}"),
            "leads",
            [column],
            unique=False,
            sqlite_where=where,
            postgresql_where=where,
        )


def downgrade() -> None:
    for column in _COLUMNS:
        op.drop_index(op.f(f"ix_leads_{column}"), table_name="leads")
