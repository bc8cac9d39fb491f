"""Creating, listing and retiring tracking addresses, and the per-client address settings.

Like the client services: one session per call, plain dataclasses out, and every mutation
returns what it changed. Rules kept here (the database keeps the last one too):

- an address is unique within its client across all channels, retired or not, so a published
  address is never handed to another channel;
- an address is never the client's main address and always on one of the client's domains;
- retiring keeps the row and its history; it can be reactivated, never reassigned.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.addresses import alias_export, sheet
from app.core.addresses.custom_list import LineProblem, ListImportError, parse_list
from app.core.addresses.matching import AddressBook, BookEntry
from app.core.addresses.model import AddressFields, Suggestion, TrackingAddress
from app.core.addresses.styles import (
    AddressSettings,
    AddressStyle,
    AliasForm,
    TokenMode,
    compose,
)
from app.core.addresses.tags import clean_tag, tag_from_name, unique_tag
from app.core.addresses.validation import (
    Address,
    address_key,
    check_client_domain,
    check_not_main,
    clean_settings,
    display_address,
    parse_address,
)
from app.core.changes import Changes, OpResult
from app.core.clients.validation import clean_notes, name_key
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import translate
from app.core.storage.database import Database
from app.core.storage.models import (
    AddressSettingsRow,
    ChannelRow,
    ClientRow,
    TrackingAddressRow,
)

MAX_SUGGESTIONS = 50


def _address(row: TrackingAddressRow) -> TrackingAddress:
    return TrackingAddress(
        id=row.id,
        client_id=row.client_id,
        channel_id=row.channel_id,
        address=row.address,
        style=AddressStyle(row.style),
        tag=row.tag,
        notes=row.notes,
        active=row.active,
        created_at=row.created_at,
        retired_at=row.retired_at,
        updated_at=row.updated_at,
    )


def _settings(row: AddressSettingsRow | None) -> AddressSettings:
    if row is None:
        return AddressSettings()
    return AddressSettings(
        style=AddressStyle(row.style),
        plus_delimiter=row.plus_delimiter,
        alias_form=AliasForm(row.alias_form),
        token_mode=TokenMode(row.token_mode),
        token_domain=row.token_domain,
        token_length=row.token_length,
    )


def _changed(rows: Iterable[TrackingAddressRow]) -> Changes:
    return Changes(addresses=frozenset(row.id for row in rows))


class AddressService:
    """Tracking addresses of clients and their address settings."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- settings ------------------------------------------------------------------------------

    def settings(self, client_id: int) -> AddressSettings:
        """The client's address settings (the defaults until first saved)."""
        with self._db.session() as s:
            _client_row(s, client_id)
            return _settings(s.get(AddressSettingsRow, client_id))

    def save_settings(self, client_id: int, settings: AddressSettings) -> OpResult[AddressSettings]:
        with self._db.session() as s:
            client = _client_row(s, client_id)
            clean = clean_settings(settings, client.main_address, client.domains or ())
            row = s.get(AddressSettingsRow, client_id)
            if row is None:
                row = AddressSettingsRow(client_id=client_id)
                s.add(row)
            row.style = clean.style.value
            row.plus_delimiter = clean.plus_delimiter
            row.alias_form = clean.alias_form.value
            row.token_mode = clean.token_mode.value
            row.token_domain = clean.token_domain
            row.token_length = clean.token_length
            s.flush()
        return OpResult(clean, Changes(clients=frozenset({client_id})))

    # --- queries -------------------------------------------------------------------------------

    def list(
        self, client_id: int, *, channel_id: int | None = None, include_retired: bool = True
    ) -> list[TrackingAddress]:
        """A client's addresses (or one channel's), oldest first."""
        query = select(TrackingAddressRow).where(TrackingAddressRow.client_id == client_id)
        if channel_id is not None:
            query = query.where(TrackingAddressRow.channel_id == channel_id)
        if not include_retired:
            query = query.where(TrackingAddressRow.active.is_(True))
        query = query.order_by(TrackingAddressRow.created_at, TrackingAddressRow.id)
        with self._db.session() as s:
            return [_address(row) for row in s.scalars(query)]

    def get(self, address_id: int) -> TrackingAddress:
        with self._db.session() as s:
            return _address(_address_row(s, address_id))

    def find(self, client_id: int, address: str) -> TrackingAddress:
        """An address of the client by its text (any case, domain in either form)."""
        key = parse_address(address).key
        with self._db.session() as s:
            row = s.scalar(
                select(TrackingAddressRow).where(
                    TrackingAddressRow.client_id == client_id,
                    TrackingAddressRow.address_key == key,
                )
            )
            if row is None:
                raise NotFoundError(
                    translate(
                        "addresses", "The client has no tracking address “{address}”."
                    ).format(address=address.strip())
                )
            return _address(row)

    def address_book(self, client_id: int) -> AddressBook:
        """Everything the matching rule needs for one client, indexed (see ``matching.py``)."""
        with self._db.session() as s:
            client = _client_row(s, client_id)
            settings = _settings(s.get(AddressSettingsRow, client_id))
            rows = s.execute(
                select(
                    TrackingAddressRow.id,
                    TrackingAddressRow.address,
                    TrackingAddressRow.channel_id,
                    TrackingAddressRow.active,
                ).where(TrackingAddressRow.client_id == client_id)
            ).all()
            entries = [BookEntry(int(i), str(a), c, bool(act)) for i, a, c, act in rows]
            return AddressBook(entries, main_address=client.main_address, settings=settings)

    # --- generating and creating ---------------------------------------------------------------

    def suggest(
        self, channel_id: int, *, style: AddressStyle | None = None, count: int = 1
    ) -> builtins.list[Suggestion]:
        """New addresses proposed for a channel (nothing is saved; the user may edit the tag)."""
        with self._db.session() as s:
            channel = _channel_row(s, channel_id)
            client = _client_row(s, channel.client_id)
            settings = _settings(s.get(AddressSettingsRow, client.id))
            return _suggest(s, client, channel, settings, style or settings.style, count)

    def generate(
        self, channel_id: int, *, style: AddressStyle | None = None, count: int = 1
    ) -> OpResult[builtins.list[TrackingAddress]]:
        """Create ``count`` addresses for a channel with the suggested tags (CLI, demo data)."""
        with self._db.session() as s:
            channel = _channel_row(s, channel_id)
            client = _client_row(s, channel.client_id)
            settings = _settings(s.get(AddressSettingsRow, client.id))
            chosen = style or settings.style
            rows = [
                _insert(
                    s, client, channel.id, chosen, suggestion.tag, parse_address(suggestion.address)
                )
                for suggestion in _suggest(s, client, channel, settings, chosen, count)
            ]
            _flush(s)
            created = [_address(row) for row in rows]
        return OpResult(created, _changed(rows))

    def create(self, client_id: int, fields: AddressFields) -> OpResult[TrackingAddress]:
        """Save one address: a plus/alias address from its tag, or a custom address as given."""
        with self._db.session() as s:
            client = _client_row(s, client_id)
            channel = _own_channel(s, client_id, fields.channel_id)
            settings = _settings(s.get(AddressSettingsRow, client_id))
            style = AddressStyle(fields.style or settings.style)
            if style is AddressStyle.CUSTOM:
                tag = ""
                address = parse_address(fields.address)
                check_client_domain(address, client.domains or (), raw=fields.address.strip())
            else:
                main = _require_main(client)
                if fields.tag.strip():
                    tag = clean_tag(fields.tag)
                else:
                    if channel is None:
                        raise ValidationError(
                            translate("addresses", "Enter a tag or choose a channel."),
                            field="tag",
                        )
                    tag = _suggest(s, client, channel, settings, style, 1)[0].tag
                address = parse_address(compose(style, tag, main, settings), field="tag")
            row = _insert(s, client, fields.channel_id, style, tag, address, fields.notes)
            _flush(s, address)
            created = _address(row)
        return OpResult(created, _changed([row]))

    def update_notes(self, address_id: int, notes: str) -> OpResult[TrackingAddress]:
        """Edit an address's notes (where it is placed). The address itself never changes:
        it may already be printed; retire it and create another instead."""
        with self._db.session() as s:
            row = _address_row(s, address_id)
            row.notes = clean_notes(notes)
            s.flush()
            edited = _address(row)
        return OpResult(edited, _changed([row]))

    def retire(self, address_id: int) -> OpResult[TrackingAddress]:
        """Stop using an address. It stays reserved to its channel and mail to it still counts."""
        with self._db.session() as s:
            row = _address_row(s, address_id)
            if row.active:
                row.active = False
                row.retired_at = datetime.now(UTC)
                s.flush()
            retired = _address(row)
        return OpResult(retired, _changed([row]))

    def reactivate(self, address_id: int) -> OpResult[TrackingAddress]:
        with self._db.session() as s:
            row = _address_row(s, address_id)
            if not row.active:
                row.active = True
                row.retired_at = None
                s.flush()
            active = _address(row)
        return OpResult(active, _changed([row]))

    def import_custom(
        self, client_id: int, text: str, *, channel_id: int | None = None
    ) -> OpResult[builtins.list[TrackingAddress]]:
        """Import a pasted or loaded list, all or nothing.

        Each line's address goes to the channel named on the line, else to ``channel_id``.
        Any bad line (syntax, foreign domain, duplicate, unknown channel, address already in
        use) raises :class:`ListImportError` listing every bad line; nothing is saved then.
        """
        with self._db.session() as s:
            client = _client_row(s, client_id)
            _own_channel(s, client_id, channel_id)
            parsed = parse_list(
                text, domains=client.domains or (), main_address=client.main_address
            )
            problems = list(parsed.problems)
            channels = {
                name_key(name): cid
                for cid, name in s.execute(
                    select(ChannelRow.id, ChannelRow.name).where(ChannelRow.client_id == client_id)
                ).all()
            }
            existing = _existing(s, client_id)
            planned: builtins.list[tuple[int | None, Address]] = []
            for line in parsed.lines:
                target = channel_id
                if line.channel_name:
                    found = channels.get(name_key(line.channel_name.strip()))
                    if found is None:
                        problems.append(
                            LineProblem(
                                line.line,
                                line.channel_name,
                                translate("addresses", "the client has no channel “{name}”").format(
                                    name=line.channel_name
                                ),
                            )
                        )
                        continue
                    target = found
                taken = existing.get(line.address.key)
                if taken is not None:
                    problems.append(
                        LineProblem(line.line, line.address.ascii, _in_use_reason(s, taken))
                    )
                    continue
                planned.append((target, line.address))
            if problems:
                raise ListImportError(sorted(problems, key=lambda p: p.line))
            if not planned:
                raise ValidationError(
                    translate("addresses", "The list holds no addresses."), field="list"
                )
            rows = [
                _insert(s, client, target, AddressStyle.CUSTOM, "", address)
                for target, address in planned
            ]
            _flush(s)
            created = [_address(row) for row in rows]
        return OpResult(created, _changed(rows))

    # --- exports -------------------------------------------------------------------------------

    def alias_rows(self, client_id: int) -> builtins.list[alias_export.AliasRow]:
        """The active addresses a mail admin must create as aliases (alias and custom styles)."""
        with self._db.session() as s:
            client = _client_row(s, client_id)
            rows = s.execute(
                select(TrackingAddressRow, ChannelRow.name)
                .outerjoin(ChannelRow, ChannelRow.id == TrackingAddressRow.channel_id)
                .where(
                    TrackingAddressRow.client_id == client_id,
                    TrackingAddressRow.active.is_(True),
                    TrackingAddressRow.style.in_(
                        [AddressStyle.ALIAS.value, AddressStyle.CUSTOM.value]
                    ),
                )
                .order_by(TrackingAddressRow.created_at, TrackingAddressRow.id)
            ).all()
            return [
                alias_export.AliasRow(row.address, client.main_address, name or "")
                for row, name in rows
            ]

    def sheets(
        self,
        client_id: int,
        channel_ids: Sequence[int],
        *,
        agency: str = "",
        valid_from: date | None = None,
    ) -> builtins.list[sheet.AddressSheet]:
        """Layout data for printing: one sheet per active address of the chosen channels."""
        if not channel_ids:
            raise ValidationError(
                translate("addresses", "Choose at least one channel to print."), field="channels"
            )
        with self._db.session() as s:
            client = _client_row(s, client_id)
            out: builtins.list[sheet.AddressSheet] = []
            for cid in channel_ids:
                channel = _own_channel(s, client_id, cid)
                assert channel is not None
                rows = s.scalars(
                    select(TrackingAddressRow)
                    .where(
                        TrackingAddressRow.channel_id == channel.id,
                        TrackingAddressRow.active.is_(True),
                    )
                    .order_by(TrackingAddressRow.created_at, TrackingAddressRow.id)
                ).all()
                if not rows:
                    raise ValidationError(
                        translate(
                            "addresses",
                            "The channel “{name}” has no active address to print; generate one "
                            "first.",
                        ).format(name=channel.name),
                        field="channels",
                    )
                for row in rows:
                    out.append(
                        sheet.build_sheet(
                            agency=agency,
                            client=client.name,
                            channel=channel.name,
                            placement_notes="\n".join(n for n in (channel.notes, row.notes) if n),
                            address=row.address,
                            valid_from=valid_from or row.created_at.date(),
                        )
                    )
            return out


# --- helpers (inside one session) ---------------------------------------------------------------


def _client_row(s: Session, client_id: int) -> ClientRow:
    row = s.get(ClientRow, client_id)
    if row is None:
        raise NotFoundError(
            translate("clients", "Client #{id} does not exist (any more).").format(id=client_id)
        )
    return row


def _channel_row(s: Session, channel_id: int) -> ChannelRow:
    row = s.get(ChannelRow, channel_id)
    if row is None:
        raise NotFoundError(
            translate("clients", "Channel #{id} does not exist (any more).").format(id=channel_id)
        )
    return row


def _own_channel(s: Session, client_id: int, channel_id: int | None) -> ChannelRow | None:
    if channel_id is None:
        return None
    channel = _channel_row(s, channel_id)
    if channel.client_id != client_id:
        raise ValidationError(
            translate("addresses", "The channel “{name}” belongs to another client.").format(
                name=channel.name
            ),
            field="channel",
        )
    return channel


def _address_row(s: Session, address_id: int) -> TrackingAddressRow:
    row = s.get(TrackingAddressRow, address_id)
    if row is None:
        raise NotFoundError(
            translate("addresses", "Tracking address #{id} does not exist.").format(id=address_id)
        )
    return row


def _require_main(client: ClientRow) -> str:
    if not client.main_address:
        raise ValidationError(
            translate(
                "addresses",
                "The client “{name}” has no main address; plus and alias addresses are made "
                "from it. Set it first.",
            ).format(name=client.name),
            field="main_address",
        )
    return client.main_address


def _existing(s: Session, client_id: int) -> dict[str, TrackingAddressRow]:
    rows = s.scalars(select(TrackingAddressRow).where(TrackingAddressRow.client_id == client_id))
    return {row.address_key: row for row in rows}


def _in_use_reason(s: Session, row: TrackingAddressRow) -> str:
    shown = display_address(row.address)
    if row.channel_id is None:
        return translate(
            "addresses",
            "“{address}” was used for a channel that has been deleted; it stays reserved so "
            "that its mail is not counted for another channel",
        ).format(address=shown)
    channel = s.get(ChannelRow, row.channel_id)
    name = channel.name if channel else "?"
    if not row.active:
        return translate(
            "addresses",
            "“{address}” is retired but stays reserved for the channel “{channel}”; reactivate "
            "it there instead",
        ).format(address=shown, channel=name)
    return translate("addresses", "“{address}” is already used for the channel “{channel}”").format(
        address=shown, channel=name
    )


def _suggest(  # noqa: PLR0917 - a private helper; the call sites read plainly
    s: Session,
    client: ClientRow,
    channel: ChannelRow,
    settings: AddressSettings,
    style: AddressStyle,
    count: int,
) -> list[Suggestion]:
    if style is AddressStyle.CUSTOM:
        raise ValidationError(
            translate("addresses", "Custom addresses are entered or imported, not generated."),
            field="style",
        )
    if not 1 <= count <= MAX_SUGGESTIONS:
        raise ValidationError(
            translate("addresses", "Generate between 1 and {max} addresses at a time.").format(
                max=MAX_SUGGESTIONS
            ),
            field="count",
        )
    main = _require_main(client)
    existing = _existing(s, client.id)
    taken = {row.tag for row in existing.values() if row.tag}
    base = tag_from_name(channel.name)
    out: list[Suggestion] = []
    while len(out) < count:
        tag = unique_tag(base, taken)
        taken.add(tag)
        address = compose(style, tag, main, settings)
        # A custom address may already have this form (``tv@client.ru``): skip to the next tag.
        if address_key(address) in existing or address_key(address) == address_key(main):
            continue
        out.append(Suggestion(style, tag, address))
    return out


def _insert(  # noqa: PLR0917 - a private helper; the call sites read plainly
    s: Session,
    client: ClientRow,
    channel_id: int | None,
    style: AddressStyle,
    tag: str,
    address: Address,
    notes: str = "",
) -> TrackingAddressRow:
    check_not_main(address, client.main_address)
    taken = s.scalar(
        select(TrackingAddressRow).where(
            TrackingAddressRow.client_id == client.id,
            TrackingAddressRow.address_key == address.key,
        )
    )
    if taken is not None:
        raise ValidationError(_in_use_reason(s, taken) + ".", field="address")
    row = TrackingAddressRow(
        client_id=client.id,
        channel_id=channel_id,
        address=address.ascii,
        address_key=address.key,
        style=style.value,
        tag=tag,
        notes=clean_notes(notes),
        active=True,
    )
    s.add(row)
    return row


def _flush(s: Session, address: Address | None = None) -> None:
    try:
        s.flush()
    except IntegrityError as exc:  # another user of a shared database saved it first
        shown = address.unicode if address else ""
        raise ValidationError(
            translate("addresses", "The address {address} was just taken by another user.").format(
                address=shown
            ),
            field="address",
        ) from exc
