"""Creating, editing, archiving and deleting clients and channels.

Every mutation validates its input, runs in one transaction and returns what it changed.
"""

from __future__ import annotations

from sqlalchemy import String, cast, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.changes import Changes, OpResult
from app.core.clients import validation as v
from app.core.clients.model import (
    PALETTE,
    Channel,
    ChannelFields,
    ChannelKind,
    Client,
    ClientFields,
)
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.storage.database import Database
from app.core.storage.models import ChannelRow, ClientRow


def _client(row: ClientRow, channel_count: int = 0) -> Client:
    return Client(
        id=row.id,
        name=row.name,
        domains=tuple(row.domains or ()),
        main_address=row.main_address,
        currency=row.currency,
        notes=row.notes,
        archived=row.archived,
        created_at=row.created_at,
        updated_at=row.updated_at,
        channel_count=channel_count,
    )


def _channel(row: ChannelRow) -> Channel:
    return Channel(
        id=row.id,
        client_id=row.client_id,
        name=row.name,
        kind=ChannelKind(row.kind),
        color=row.color,
        notes=row.notes,
        active=row.active,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ClientService:
    """Client projects."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, *, include_archived: bool = False, search: str = "") -> list[Client]:
        """Clients by name; ``search`` matches the name or a domain, case-insensitively."""
        counts = (
            select(ChannelRow.client_id, func.count(ChannelRow.id).label("n"))
            .group_by(ChannelRow.client_id)
            .subquery()
        )
        query = select(ClientRow, func.coalesce(counts.c.n, 0)).outerjoin(
            counts, counts.c.client_id == ClientRow.id
        )
        if not include_archived:
            query = query.where(ClientRow.archived.is_(False))
        needle = v.name_key(search.strip())
        if needle:
            pattern = _like(needle)
            domain_pattern = _like(_search_domain(search.strip()))
            query = query.where(
                ClientRow.name_key.like(pattern, escape="\\")
                | func.lower(ClientRow.main_address).like(domain_pattern, escape="\\")
                | func.lower(cast(ClientRow.domains, String)).like(domain_pattern, escape="\\")
            )
        query = query.order_by(ClientRow.name_key, ClientRow.id)
        with self._db.session() as s:
            return [_client(row, int(n)) for row, n in s.execute(query).all()]

    def get(self, client_id: int) -> Client:
        with self._db.session() as s:
            row = self._row(s, client_id)
            n = s.scalar(select(func.count(ChannelRow.id)).where(ChannelRow.client_id == row.id))
            return _client(row, int(n or 0))

    def find(self, ref: str) -> Client:
        """A client by id or by exact name (for the command line)."""
        ref = ref.strip()
        with self._db.session() as s:
            row: ClientRow | None = None
            if ref.isdigit():
                row = s.get(ClientRow, int(ref))
            if row is None:
                row = s.scalar(select(ClientRow).where(ClientRow.name_key == v.name_key(ref)))
            if row is None:
                raise NotFoundError(translate("clients", "No client “{ref}”.").format(ref=ref))
            return _client(row, len(row.channels))

    def create(self, fields: ClientFields) -> OpResult[Client]:
        values = self._clean(fields)
        with self._db.session() as s:
            self._check_unique(s, values["name_key"], None, values["name"])
            row = ClientRow(**values)
            s.add(row)
            self._flush(s, values["name"])
            client = _client(row)
        return OpResult(client, Changes(clients=frozenset({client.id})))

    def update(self, client_id: int, fields: ClientFields) -> OpResult[Client]:
        values = self._clean(fields)
        with self._db.session() as s:
            row = self._row(s, client_id)
            self._check_unique(s, values["name_key"], client_id, values["name"])
            for key, value in values.items():
                setattr(row, key, value)
            self._flush(s, values["name"])
            client = _client(row, len(row.channels))
        return OpResult(client, Changes(clients=frozenset({client_id})))

    def rename(self, client_id: int, name: str) -> OpResult[Client]:
        current = self.get(client_id)
        return self.update(
            client_id,
            ClientFields(
                name=name,
                domains=current.domains,
                main_address=current.main_address,
                currency=current.currency,
                notes=current.notes,
            ),
        )

    def set_archived(self, client_id: int, archived: bool) -> OpResult[Client]:
        with self._db.session() as s:
            row = self._row(s, client_id)
            row.archived = archived
            s.flush()
            client = _client(row, len(row.channels))
        return OpResult(client, Changes(clients=frozenset({client_id})))

    def delete(self, client_id: int) -> Changes:
        """Delete a client and everything that belongs to it."""
        with self._db.session() as s:
            row = self._row(s, client_id)
            channel_ids = frozenset(c.id for c in row.channels)
            s.delete(row)
        return Changes(deleted_clients=frozenset({client_id}), deleted_channels=channel_ids)

    @staticmethod
    def _row(s: Session, client_id: int) -> ClientRow:
        row = s.get(ClientRow, client_id)
        if row is None:
            raise NotFoundError(
                translate("clients", "Client #{id} does not exist (any more).").format(id=client_id)
            )
        return row

    @staticmethod
    def _clean(fields: ClientFields) -> dict[str, object]:
        name = v.clean_name(fields.name)
        address = v.clean_address(fields.main_address)
        domains = list(v.clean_domains(fields.domains))
        if address:
            domain = address.rpartition("@")[2]
            if domain not in domains:
                domains.insert(0, domain)
        return {
            "name": name,
            "name_key": v.name_key(name),
            "domains": domains,
            "main_address": address,
            "currency": v.clean_currency(fields.currency or "RUB"),
            "notes": v.clean_notes(fields.notes),
        }

    @staticmethod
    def _check_unique(s: Session, key: object, own_id: int | None, name: object) -> None:
        other = s.execute(
            select(ClientRow.id, ClientRow.name).where(ClientRow.name_key == key)
        ).first()
        if other is not None and other.id != own_id:
            raise ValidationError(
                translate("clients", "A client named “{name}” already exists.").format(
                    name=other.name
                ),
                field="name",
            )

    @staticmethod
    def _flush(s: Session, name: object) -> None:
        try:
            s.flush()
        except IntegrityError as exc:  # another user of a shared database won the race
            raise ValidationError(
                translate("clients", "A client named “{name}” already exists.").format(name=name),
                field="name",
            ) from exc


def _search_domain(text: str) -> str:
    try:
        return v.clean_domain(text) if "." in text else text.lower()
    except ValidationError:
        return text.lower()


class ChannelService:
    """Advertising channels of a client."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, client_id: int, *, include_inactive: bool = True) -> list[Channel]:
        query = select(ChannelRow).where(ChannelRow.client_id == client_id)
        if not include_inactive:
            query = query.where(ChannelRow.active.is_(True))
        query = query.order_by(ChannelRow.name_key, ChannelRow.id)
        with self._db.session() as s:
            return [_channel(row) for row in s.scalars(query)]

    def get(self, channel_id: int) -> Channel:
        with self._db.session() as s:
            return _channel(self._row(s, channel_id))

    def create(self, client_id: int, fields: ChannelFields) -> OpResult[Channel]:
        with self._db.session() as s:
            ClientService._row(s, client_id)
            values = self._clean(s, client_id, fields)
            self._check_unique(s, client_id, values["name_key"], None, values["name"])
            row = ChannelRow(client_id=client_id, **values)
            s.add(row)
            self._flush(s, values["name"])
            channel = _channel(row)
        return OpResult(channel, Changes(channels=frozenset({channel.id})))

    def update(self, channel_id: int, fields: ChannelFields) -> OpResult[Channel]:
        with self._db.session() as s:
            row = self._row(s, channel_id)
            values = self._clean(s, row.client_id, fields, keep_color=row.color)
            self._check_unique(s, row.client_id, values["name_key"], channel_id, values["name"])
            for key, value in values.items():
                setattr(row, key, value)
            self._flush(s, values["name"])
            channel = _channel(row)
        return OpResult(channel, Changes(channels=frozenset({channel_id})))

    def set_active(self, channel_id: int, active: bool) -> OpResult[Channel]:
        with self._db.session() as s:
            row = self._row(s, channel_id)
            row.active = active
            s.flush()
            channel = _channel(row)
        return OpResult(channel, Changes(channels=frozenset({channel_id})))

    def delete(self, channel_id: int) -> Changes:
        with self._db.session() as s:
            row = self._row(s, channel_id)
            s.delete(row)
        return Changes(deleted_channels=frozenset({channel_id}))

    @staticmethod
    def _row(s: Session, channel_id: int) -> ChannelRow:
        row = s.get(ChannelRow, channel_id)
        if row is None:
            raise NotFoundError(
                translate("clients", "Channel #{id} does not exist (any more).").format(
                    id=channel_id
                )
            )
        return row

    @staticmethod
    def _clean(
        s: Session, client_id: int, fields: ChannelFields, *, keep_color: str = ""
    ) -> dict[str, object]:
        name = v.clean_name(fields.name)
        if fields.color:
            color = v.clean_color(fields.color)
        elif keep_color:
            color = keep_color
        else:
            used = s.scalar(
                select(func.count(ChannelRow.id)).where(ChannelRow.client_id == client_id)
            )
            color = PALETTE[int(used or 0) % len(PALETTE)]
        return {
            "name": name,
            "name_key": v.name_key(name),
            "kind": ChannelKind(fields.kind).value,
            "color": color,
            "notes": v.clean_notes(fields.notes),
            "active": bool(fields.active),
        }

    @staticmethod
    def _check_unique(
        s: Session, client_id: int, key: object, own_id: int | None, name: object
    ) -> None:
        other = s.execute(
            select(ChannelRow.id, ChannelRow.name).where(
                ChannelRow.client_id == client_id, ChannelRow.name_key == key
            )
        ).first()
        if other is not None and other.id != own_id:
            raise ValidationError(
                translate("clients", "This client already has a channel named “{name}”.").format(
                    name=other.name
                ),
                field="name",
            )

    @staticmethod
    def _flush(s: Session, name: object) -> None:
        try:
            s.flush()
        except IntegrityError as exc:
            raise ValidationError(
                translate("clients", "This client already has a channel named “{name}”.").format(
                    name=name
                ),
                field="name",
            ) from exc
