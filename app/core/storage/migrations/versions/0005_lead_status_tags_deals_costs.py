"""Lead status, deal amount and date, a folded search column, lead tags, channel costs.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.core.storage.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: SQLite does them in place, so a million leads are not copied.
    op.add_column(
        "leads", sa.Column("status", sa.String(length=16), server_default="new", nullable=False)
    )
    op.add_column("leads", sa.Column("deal_amount_minor", sa.BigInteger(), nullable=True))
    op.add_column("leads", sa.Column("deal_date", sa.Date(), nullable=True))
    op.add_column("leads", sa.Column("search_key", sa.Text(), nullable=True))
    op.create_index(
        op.f("ix_leads_client_id_status_received_at"),
        "leads",
        ["client_id", "status", "received_at"],
        unique=False,
    )

    op.create_table(
        "lead_tags",
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_lead_tags_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_lead_tags_lead_id_leads"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("lead_id", "tag", name=op.f("pk_lead_tags")),
    )
    op.create_index(
        op.f("ix_lead_tags_client_id_tag_lead_id"),
        "lead_tags",
        ["client_id", "tag", "lead_id"],
        unique=False,
    )

    op.create_table(
        "costs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_costs_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_costs_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_costs")),
    )
    op.create_index(
        op.f("ix_costs_client_id_period_start"),
        "costs",
        ["client_id", "period_start"],
        unique=False,
    )
    op.create_index(
        op.f("ix_costs_channel_id_period_start"),
        "costs",
        ["channel_id", "period_start"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("costs")
    op.drop_table("lead_tags")
    op.drop_index(op.f("ix_leads_client_id_status_received_at"), table_name="leads")
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_column("search_key")
        batch_op.drop_column("deal_date")
        batch_op.drop_column("deal_amount_minor")
        batch_op.drop_column("status")
