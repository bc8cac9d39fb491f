"""Alembic environment: always run programmatically with a connection passed in."""

from __future__ import annotations

from alembic import context

from app.core.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app runs migrations
    raise RuntimeError("Mailsource migrations run from the app: `mailsource db upgrade`.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
