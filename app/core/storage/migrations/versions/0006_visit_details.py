"""Visit fields only the visit's own page shows packed into one column, ``visits.details``.

A bulk import binds one value for them instead of fourteen (the driver's binding was a quarter of
a million-row import). Stored visits keep their values: they are packed the same way
(``app.core.visits.rows.pack_details``: unit-separated text, empty for None).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# In app.core.visits.rows.DETAIL_FIELDS order; written out here, a migration must not move.
_PACKED = (
    ("traffic_source", sa.String(length=64)),
    ("content", sa.Text()),
    ("referrer", sa.Text()),
    ("landing_page", sa.Text()),
    ("country", sa.Text()),
    ("os", sa.Text()),
    ("browser", sa.Text()),
    ("screen", sa.String(length=32)),
    ("page_views", sa.Integer()),
    ("is_new_visitor", sa.Boolean()),
    ("ga_user_pseudo_id", sa.String(length=128)),
    ("matomo_visitor_id", sa.String(length=64)),
    ("contact_action", sa.String(length=16)),
    ("contact_page", sa.Text()),
)


def upgrade() -> None:
    op.add_column("visits", sa.Column("details", sa.Text(), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    sep = "char(31)" if sqlite else "chr(31)"
    parts = []
    for name, kind in _PACKED:
        if isinstance(kind, sa.Boolean):
            true = "1" if sqlite else "TRUE"
            false = "0" if sqlite else "FALSE"
            parts.append(f"CASE {name} WHEN {true} THEN '1' WHEN {false} THEN '0' ELSE '' END")
        elif isinstance(kind, sa.Integer):
            parts.append(f"coalesce(CAST({name} AS TEXT), '')")
        else:
            parts.append(f"replace(coalesce({name}, ''), {sep}, ' ')")
    packed = f" || {sep} || ".join(parts)
    empty = " || ".join([sep] * (len(_PACKED) - 1))
    op.execute(f"UPDATE visits SET details = nullif({packed}, {empty})")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        for name, _ in _PACKED:
            batch_op.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        for name, kind in _PACKED:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    # The packed values are not split back: SQL has no portable split; re-import to refill.
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_column("details")
