"""Visits, their imports and rejected rows, saved column mappings, visit settings, lead-visit links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.core.storage.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("file_path", sa.Text(), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("encoding", sa.String(length=64), nullable=False),
        sa.Column("delimiter", sa.String(length=8), nullable=False),
        sa.Column("site_timezone", sa.String(length=64), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("bots", sa.Integer(), nullable=False),
        sa.Column("first_visit_at", UTCDateTime(), nullable=True),
        sa.Column("last_visit_at", UTCDateTime(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_visit_imports_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_imports")),
    )
    with op.batch_alter_table("visit_imports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_imports_client_id_started_at"),
            ["client_id", "started_at"],
            unique=False,
        )

    op.create_table(
        "visit_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_visit_mappings_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_mappings")),
        sa.UniqueConstraint("client_id", "name", name=op.f("uq_visit_mappings_client_id_name")),
    )
    op.create_table(
        "visit_settings",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("site_timezone", sa.String(length=64), nullable=False),
        sa.Column("hold_minutes", sa.Integer(), nullable=False),
        sa.Column("pool", sa.JSON(), nullable=False),
        sa.Column("snippet", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_visit_settings_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_visit_settings")),
    )
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("visit_key", sa.String(length=200), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("counter_id", sa.String(length=64), nullable=True),
        sa.Column("analytics_visit_id", sa.String(length=128), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=True),
        sa.Column("pool_index", sa.Integer(), nullable=True),
        sa.Column("shown_address", sa.String(length=254), nullable=True),
        sa.Column("traffic_source", sa.String(length=64), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("medium", sa.Text(), nullable=True),
        sa.Column("campaign", sa.Text(), nullable=True),
        sa.Column("keyword", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("referrer", sa.Text(), nullable=True),
        sa.Column("landing_page", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("device", sa.String(length=64), nullable=True),
        sa.Column("os", sa.Text(), nullable=True),
        sa.Column("browser", sa.Text(), nullable=True),
        sa.Column("screen", sa.String(length=32), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("page_views", sa.Integer(), nullable=True),
        sa.Column("is_new_visitor", sa.Boolean(), nullable=True),
        sa.Column("metrica_client_id", sa.String(length=64), nullable=True),
        sa.Column("ga_user_pseudo_id", sa.String(length=128), nullable=True),
        sa.Column("gclid", sa.Text(), nullable=True),
        sa.Column("matomo_visitor_id", sa.String(length=64), nullable=True),
        sa.Column("contact_action", sa.String(length=16), nullable=True),
        sa.Column("contact_page", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_visits_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("client_id", "visit_key", name=op.f("uq_visits_client_id_visit_key")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visits_client_id_shown_address_started_at_id"),
            ["client_id", "shown_address", "started_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_visits_client_id_token"), ["client_id", "token"], unique=False
        )

    op.create_table(
        "visit_import_rejects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["visit_imports.id"],
            name=op.f("fk_visit_import_rejects_import_id_visit_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_import_rejects")),
    )
    with op.batch_alter_table("visit_import_rejects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_import_rejects_import_id_line"),
            ["import_id", "line"],
            unique=False,
        )

    op.create_table(
        "lead_visits",
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("candidates", sa.Integer(), nullable=False),
        sa.Column("attributed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_lead_visits_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_lead_visits_lead_id_leads"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_lead_visits_visit_id_visits"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_lead_visits")),
    )
    with op.batch_alter_table("lead_visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lead_visits_client_id_status"), ["client_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_visits_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lead_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_visits_visit_id"))
        batch_op.drop_index(batch_op.f("ix_lead_visits_client_id_status"))

    op.drop_table("lead_visits")
    with op.batch_alter_table("visit_import_rejects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_import_rejects_import_id_line"))

    op.drop_table("visit_import_rejects")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_client_id_token"))
        batch_op.drop_index(batch_op.f("ix_visits_client_id_shown_address_started_at_id"))

    op.drop_table("visits")
    op.drop_table("visit_settings")
    op.drop_table("visit_mappings")
    with op.batch_alter_table("visit_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_imports_client_id_started_at"))

    op.drop_table("visit_imports")
