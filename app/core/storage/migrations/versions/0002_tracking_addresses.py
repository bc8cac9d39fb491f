"""Tracking addresses and per-client address settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.core.storage.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracking_addresses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("address_key", sa.String(254), nullable=False),
        sa.Column("style", sa.String(16), nullable=False),
        sa.Column("tag", sa.String(64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("retired_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_tracking_addresses_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_tracking_addresses_channel_id_channels"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_addresses")),
        sa.UniqueConstraint(
            "client_id", "address_key", name=op.f("uq_tracking_addresses_client_id_address_key")
        ),
    )
    op.create_index(
        op.f("ix_tracking_addresses_client_id_channel_id"),
        "tracking_addresses",
        ["client_id", "channel_id"],
        unique=False,
    )
    op.create_table(
        "address_settings",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("style", sa.String(16), nullable=False),
        sa.Column("plus_delimiter", sa.String(1), nullable=False),
        sa.Column("alias_form", sa.String(16), nullable=False),
        sa.Column("token_mode", sa.String(16), nullable=False),
        sa.Column("token_domain", sa.String(253), nullable=False),
        sa.Column("token_length", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_address_settings_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_address_settings")),
    )


def downgrade() -> None:
    op.drop_table("address_settings")
    op.drop_index(
        op.f("ix_tracking_addresses_client_id_channel_id"), table_name="tracking_addresses"
    )
    op.drop_table("tracking_addresses")
