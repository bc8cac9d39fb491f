"""SQLAlchemy ORM models. They stay inside the core; callers get plain dataclasses.

Every schema change is an Alembic migration in ``migrations/versions``; the models here describe
the newest schema and a test checks that the two agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp always stored in UTC and always returned timezone-aware.

    SQLite has no time zones; PostgreSQL gets ``timestamptz``. Naive values are rejected so a
    local time can never sneak in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (Alembic needs them on SQLite)."""

    metadata = MetaData(naming_convention=NAMING)


class ClientRow(Base):
    """A client project: one customer of the agency."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    """The name folded for comparisons, so "Ромашка" and "ромашка " are one client."""
    domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The client's own email domains in IDNA (ASCII) form."""
    main_address: Mapped[str] = mapped_column(String(254), default="")
    currency: Mapped[str] = mapped_column(String(3), default="RUB")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    channels: Mapped[list[ChannelRow]] = relationship(
        back_populates="client",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ChannelRow.id",
    )


class ChannelRow(Base):
    """An advertising channel of a client (a billboard, a TV spot, Avito, the website)."""

    __tablename__ = "channels"
    __table_args__ = (
        UniqueConstraint("client_id", "name_key"),
        Index(None, "client_id", "active"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="offline")
    color: Mapped[str] = mapped_column(String(7), default="#4e79a7")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[ClientRow] = relationship(back_populates="channels")


class TrackingAddressRow(Base):
    """A tracking address of a client, for at most one of its channels.

    Rows are never deleted when an address is retired, and ``address_key`` stays unique within
    the client, so an address once published can never be handed to another channel. Deleting
    a channel keeps its addresses (``channel_id`` becomes NULL) for the same reason.
    """

    __tablename__ = "tracking_addresses"
    __table_args__ = (
        UniqueConstraint("client_id", "address_key"),
        Index(None, "client_id", "channel_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), nullable=True
    )
    address: Mapped[str] = mapped_column(String(254))
    """Local part as written, domain in IDNA form."""
    address_key: Mapped[str] = mapped_column(String(254))
    """The address in lower case: what uniqueness and matching compare."""
    style: Mapped[str] = mapped_column(String(16))
    tag: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AddressSettingsRow(Base):
    """A client's address style and dynamic-token settings (one row per client, if changed)."""

    __tablename__ = "address_settings"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    style: Mapped[str] = mapped_column(String(16), default="plus")
    plus_delimiter: Mapped[str] = mapped_column(String(1), default="+")
    alias_form: Mapped[str] = mapped_column(String(16), default="local.tag")
    token_mode: Mapped[str] = mapped_column(String(16), default="off")
    token_domain: Mapped[str] = mapped_column(String(253), default="")
    token_length: Mapped[int] = mapped_column(Integer, default=6)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class MailboxRow(Base):
    """An IMAP account of a client. Its password is in the OS keyring, never here."""

    __tablename__ = "mailboxes"
    __table_args__ = (Index(None, "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200), default="")
    preset: Mapped[str] = mapped_column(String(32), default="other")
    host: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[str] = mapped_column(String(16), default="ssl")
    """``ssl`` (implicit TLS), ``starttls`` or ``plain`` (only with the user's explicit consent)."""
    username: Mapped[str] = mapped_column(String(320))
    ca_file: Mapped[str] = mapped_column(Text, default="")
    folders: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Folders read for leads (IMAP names as the server spells them)."""
    sent_folder: Mapped[str] = mapped_column(String(500), default="")
    """The folder whose messages give reply times; empty: found by the ``\\Sent`` flag."""
    sync_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    auto_sync_minutes: Mapped[int] = mapped_column(Integer, default=15)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_sync_status: Mapped[str] = mapped_column(String(16), default="")
    """``ok``, ``partial``, ``failed``, ``cancelled`` or empty (never synced)."""
    last_sync_message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class MailboxFolderRow(Base):
    """Where the sync of one folder stands: UIDVALIDITY and the highest UID stored."""

    __tablename__ = "mailbox_folders"
    __table_args__ = (UniqueConstraint("mailbox_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(500))
    role: Mapped[str] = mapped_column(String(16), default="inbox")
    """``inbox``, ``junk``, ``other`` (read for leads) or ``sent`` (read for replies)."""
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_seen: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")


class LeadRow(Base):
    """One inbound email, stored once: a lead, or mail filtered out with its reason.

    ``dedup_key`` (the Message-ID, or a digest of sender, date and subject when there is none)
    is unique per client, so a re-run, a second folder or a UIDVALIDITY change never stores the
    same email twice. The recipients are kept so stored mail can be attributed again without
    fetching it.
    """

    __tablename__ = "leads"
    __table_args__ = (
        UniqueConstraint("client_id", "dedup_key"),
        Index(None, "client_id", "filtered_reason", "received_at"),
        Index(None, "client_id", "channel_id", "received_at"),
        Index(None, "client_id", "sender_address"),
        Index(None, "client_id", "message_id"),
        Index(None, "mailbox_id", "folder", "uid"),
        Index(None, "client_id", "status", "received_at"),
        # The foreign keys' lookups when a lead, address or channel is deleted (partial: only
        # rows that hold a reference). Without them each deleted row read every lead.
        *(
            Index(
                None,
                column,
                sqlite_where=sql_text(f"{column} IS NOT NULL"),
                postgresql_where=sql_text(f"{column} IS NOT NULL"),
            )
            for column in ("thread_lead_id", "address_id", "channel_id")
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    mailbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="SET NULL"), nullable=True
    )
    folder: Mapped[str] = mapped_column(String(500), default="")
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    uid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    dedup_key: Mapped[str] = mapped_column(String(500))
    message_id: Mapped[str] = mapped_column(String(500), default="")
    in_reply_to: Mapped[str] = mapped_column(String(500), default="")
    references: Mapped[list[str]] = mapped_column(JSON, default=list)
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    sender_address: Mapped[str] = mapped_column(String(320), default="")
    """Lower case, domain in IDNA form: what repeat-contact detection compares."""
    subject: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    """When the server received it (INTERNALDATE), else the Date header."""
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    """The start of the text, at most 1,000 characters."""
    attachment_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    recipients: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    """``[header, address]`` pairs in the order they were considered for matching."""
    tracking_address: Mapped[str] = mapped_column(String(254), default="")
    """The recipient that decided the attribution (empty when untracked)."""
    address_id: Mapped[int | None] = mapped_column(
        ForeignKey("tracking_addresses.id", ondelete="SET NULL"), nullable=True
    )
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), nullable=True
    )
    match_kind: Mapped[str] = mapped_column(String(16), default="none")
    """How the recipient matched: ``tracking``, ``token``, ``main``, ``unknown_tag``, ``none``."""
    token: Mapped[str] = mapped_column(String(64), default="")
    """A per-visit token found in the recipient (dynamic tracking joins it to a visit)."""
    filtered_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """Why this email is not a lead (``auto_reply``, ``bounce``, ``own_domain``,
    ``thread_reply``, ...), or NULL for a lead."""
    filtered_detail: Mapped[str] = mapped_column(Text, default="")
    thread_lead_id: Mapped[int | None] = mapped_column(
        ForeignKey("leads.id", ondelete="SET NULL"), nullable=True
    )
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    first_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    response_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="new", server_default="new")
    """``new``, ``in_progress``, ``deal``, ``no_deal`` or ``spam`` (see ``LeadStatus``)."""
    deal_amount_minor: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    """The deal amount in minor units (kopecks, cents) of the client's currency: integers keep
    sums exact on SQLite, which has no decimal type."""
    deal_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    search_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Sender, subject and text lower-cased by Python (SQLite's LIKE folds ASCII only), filled
    by ``app.core.leads.edit.fill_search_keys``; NULL until then."""


class VisitSettingsRow(Base):
    """A client's dynamic-tracking settings: site time zone, pool, hold time, snippet options."""

    __tablename__ = "visit_settings"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    site_timezone: Mapped[str] = mapped_column(String(64), default="")
    """IANA zone the analytics reports local times in (Metrica ``dateTime``); empty: unknown."""
    hold_minutes: Mapped[int] = mapped_column(Integer, default=24 * 60)
    """How long a pool address stays bound to the visit that was shown it."""
    pool: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The fixed pool in index order (the index is what analytics receives), lower case."""
    snippet: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The website snippet's other options (selector, storage days, analytics ids)."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class VisitMappingRow(Base):
    """A saved column mapping for a client's "other CSV" visit files."""

    __tablename__ = "visit_mappings"
    __table_args__ = (UniqueConstraint("client_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class VisitImportRow(Base):
    """One import of a visit file: what it was, when, and what came of it."""

    __tablename__ = "visit_imports"
    __table_args__ = (Index(None, "client_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(500))
    file_path: Mapped[str] = mapped_column(Text, default="")
    file_size: Mapped[int] = mapped_column(BigInteger, default=0)
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(64), default="")
    delimiter: Mapped[str] = mapped_column(String(8), default="")
    site_timezone: Mapped[str] = mapped_column(String(64), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")
    """``ok``, ``failed`` or ``cancelled`` (nothing of a failed or cancelled import is kept)."""
    message: Mapped[str] = mapped_column(Text, default="")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    """Visits new to the database."""
    updated: Mapped[int] = mapped_column(Integer, default=0)
    """Visits already stored (an overlapping period) and updated in place."""
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    bots: Mapped[int] = mapped_column(Integer, default=0)
    first_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)


class VisitImportRejectRow(Base):
    """A row an import skipped, with its line and reason (kept for the history view)."""

    __tablename__ = "visit_import_rejects"
    __table_args__ = (Index(None, "import_id", "line"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("visit_imports.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(Text, default="")


class VisitRow(Base):
    """One website visit imported from a web analytics export, times in UTC.

    ``visit_key`` is the natural key (format, counter, the analytics' visit id and the start
    date, as Metrica visit ids repeat after a year): re-importing an overlapping period updates
    the stored visit. Analytics ids are text: Metrica's are unsigned 64-bit. Bulk imports write
    this table through the driver (see ``app.core.visits.importer``), so its columns and their
    order there must follow this class. Fields only the visit's own page shows share one column,
    ``details`` (see ``app.core.visits.rows``).
    """

    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("client_id", "visit_key"),
        # Covering index of the pool match: latest visit shown an address before a time. The
        # selective column first: both lead columns are equalities in the lookups, and a bulk
        # import's index build sorts faster (see migration 0007).
        Index(None, "shown_address", "client_id", "started_at", "id"),
        Index(None, "token", "client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    import_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The import that last wrote the visit (no foreign key: history may be pruned)."""
    visit_key: Mapped[str] = mapped_column(String(200))
    source_format: Mapped[str] = mapped_column(String(16))
    counter_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    analytics_visit_id: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pool_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shown_address: Mapped[str | None] = mapped_column(String(254), nullable=True)
    """The pool address shown (from ``pool_index`` and the client's pool at import time)."""
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    medium: Mapped[str | None] = mapped_column(Text, nullable=True)
    campaign: Mapped[str | None] = mapped_column(Text, nullable=True)
    keyword: Mapped[str | None] = mapped_column(Text, nullable=True)
    city: Mapped[str | None] = mapped_column(Text, nullable=True)
    device: Mapped[str | None] = mapped_column(String(64), nullable=True)
    duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    metrica_client_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    gclid: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[str | None] = mapped_column(Text, nullable=True)
    """What only the visit's own page shows (traffic source, pages, browser...), packed by
    ``app.core.visits.rows.pack_details``: one value per row for the bulk load to bind."""


class LeadVisitRow(Base):
    """The visit a dynamic-tracking lead came from, or the note that it waits for one.

    A lead sent to a token address or a pool address gets a row: ``matched`` with the visit and
    a confidence (1.0 for a token; lower for a pool address when other visits were shown the same
    address within the hold time), or ``waiting`` until an import brings its visit.
    """

    __tablename__ = "lead_visits"
    __table_args__ = (Index(None, "client_id", "status"), Index(None, "visit_id"))

    lead_id: Mapped[int] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    """``token`` or ``pool``."""
    status: Mapped[str] = mapped_column(String(8))
    """``matched``, ``waiting`` (its visit is not imported yet) or ``none``."""
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    candidates: Mapped[int] = mapped_column(Integer, default=0)
    """Visits shown the same pool address within the hold time before the email (1: none else)."""
    attributed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LeadTagRow(Base):
    """A tag on a lead (normalised: trimmed, lower case); many per lead."""

    __tablename__ = "lead_tags"
    # The filter reads (client, tag) -> leads; the primary key serves a lead's own tags.
    __table_args__ = (Index(None, "client_id", "tag", "lead_id"),)

    lead_id: Mapped[int] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))


class CostRow(Base):
    """What a channel cost over a period (a month or any date range, both ends included).

    The amount is in minor units of ``currency``, which is always the client's currency: a cost
    in another currency is refused (there is no exchange-rate conversion).
    """

    __tablename__ = "costs"
    __table_args__ = (
        Index(None, "client_id", "period_start"),
        Index(None, "channel_id", "period_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    """The last day included."""
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
