"""Realistic demo data, so a newcomer opening ``mailsource --demo`` sees a living product.

Each capability adds its own demo data here as it lands (addresses, leads, visits, costs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.core.addresses.styles import AddressSettings, AddressStyle, AliasForm, TokenMode
from app.core.changes import Changes
from app.core.clients.model import ChannelFields, ChannelKind, ClientFields
from app.core.jobs import CancelToken, ProgressFn, no_progress
from app.core.workspace import Workspace

log = logging.getLogger(__name__)

K = ChannelKind


@dataclass(frozen=True)
class DemoClient:
    """One demo client and its channels (name, kind, placement notes)."""

    fields: ClientFields
    channels: tuple[tuple[str, ChannelKind, str], ...]
    archived: bool = False


DEMO_CLIENTS: tuple[DemoClient, ...] = (
    DemoClient(
        ClientFields(
            name="Стоматология «Улыбка»",
            domains=("ulybka-dent.ru",),
            main_address="info@ulybka-dent.ru",
            notes="Сеть из трёх клиник. Отчёт клиенту — первого числа месяца.",
        ),
        (
            ("Билборд на Ленинском проспекте", K.OFFLINE, "Щит 3×6, сторона А, до 31 марта"),
            ("Радио «Европа Плюс»", K.OFFLINE, "Ролик 20 с, утренний эфир"),
            ("Яндекс Карты", K.ONLINE, "Карточка организации"),
            ("2ГИС", K.ONLINE, "Карточка организации, все три филиала"),
            ("Сайт", K.ONLINE, "Динамическая подмена адреса"),
            ("Визитки", K.OFFLINE, "Тираж 5000, ресепшн"),
        ),
    ),
    DemoClient(
        ClientFields(
            name="СтройДом",
            domains=("stroydom.ru", "stroydom-spb.ru"),
            main_address="zakaz@stroydom.ru",
            notes="Загородные дома под ключ.",
        ),
        (
            ("Авито", K.ONLINE, "Объявления в разделе «Ремонт и строительство»"),
            ("ЦИАН", K.ONLINE, "Готовые дома"),
            ("Газета «Из рук в руки»", K.OFFLINE, "Модуль 1/8 полосы, по четвергам"),
            ("Выставка «Загородный дом»", K.OFFLINE, "Стенд B-14, буклеты"),
            ("Сайт", K.ONLINE, "Динамическая подмена адреса"),
        ),
    ),
    DemoClient(
        ClientFields(
            name="Автосалон «Север»",
            domains=("sever-auto.ru",),
            main_address="sales@sever-auto.ru",
            currency="RUB",
        ),
        (
            ("ТВ: региональный канал", K.OFFLINE, "Спонсорская заставка"),
            ("Auto.ru", K.ONLINE, "Объявления о новых автомобилях"),
            ("Drom.ru", K.ONLINE, "Объявления с пробегом"),
            ("Листовки у ТЦ", K.OFFLINE, ""),
        ),
    ),
    DemoClient(
        ClientFields(
            name="Юридическая фирма «Право и Дело»",
            domains=("pravo-delo.рф",),
            main_address="office@pravo-delo.рф",
        ),
        (
            ("Справочник «Желтые страницы»", K.OFFLINE, ""),
            ("Яндекс Карты", K.ONLINE, ""),
            ("Рекомендации", K.OTHER, "Визитки для партнёров"),
        ),
    ),
    DemoClient(
        ClientFields(
            name="Luna Coffee Roasters",
            domains=("lunacoffee.com",),
            main_address="hello@lunacoffee.com",
            currency="EUR",
            notes="English-speaking client; reports in English.",
        ),
        (
            ("Instagram bio", K.ONLINE, ""),
            ("Farmers market stall", K.OFFLINE, "Saturday flyers"),
            ("Coffee bag label", K.OFFLINE, "Printed on every 250 g bag"),
        ),
    ),
    DemoClient(
        ClientFields(
            name="Агентство недвижимости «Квадрат»",
            domains=("kvadrat-realty.ru",),
            main_address="info@kvadrat-realty.ru",
            notes="Договор завершён в прошлом году.",
        ),
        (("ЦИАН", K.ONLINE, ""), ("Домклик", K.ONLINE, "")),
        archived=True,
    ),
)


@dataclass(frozen=True)
class DemoAddresses:
    """How a demo client's channels get tracking addresses."""

    settings: AddressSettings
    count: dict[str, int]
    """Channels with more than one address (one per billboard site, say)."""
    skip: tuple[str, ...] = ("Сайт",)
    """Channels tracked dynamically (per-visit tokens), so without a static address."""
    custom: str = ""
    """A custom list the client supplied (``address; channel`` per line)."""
    retire: tuple[str, ...] = ()
    """Channels whose last address is retired (the ad is gone)."""


# One client per address style, so the demo shows each of them.
DEMO_ADDRESSES: dict[str, DemoAddresses] = {
    "Стоматология «Улыбка»": DemoAddresses(
        AddressSettings(
            style=AddressStyle.PLUS,
            token_mode=TokenMode.SUBDOMAIN,
            token_domain="in.ulybka-dent.ru",
        ),
        count={"Билборд на Ленинском проспекте": 2},
        retire=("Визитки",),
    ),
    "СтройДом": DemoAddresses(
        AddressSettings(style=AddressStyle.ALIAS, alias_form=AliasForm.LOCAL_DOT_TAG), count={}
    ),
    "Автосалон «Север»": DemoAddresses(
        AddressSettings(style=AddressStyle.PLUS, plus_delimiter="-"), count={}
    ),
    "Юридическая фирма «Право и Дело»": DemoAddresses(AddressSettings(), count={}),
    "Luna Coffee Roasters": DemoAddresses(
        AddressSettings(style=AddressStyle.PLUS),
        count={},
        skip=("Farmers market stall", "Coffee bag label"),
        custom=(
            "market@lunacoffee.com; Farmers market stall\nbag@lunacoffee.com; Coffee bag label\n"
        ),
    ),
    "Агентство недвижимости «Квадрат»": DemoAddresses(
        AddressSettings(), count={}, retire=("ЦИАН", "Домклик")
    ),
}


def _demo_addresses(ws: Workspace, client_id: int, plan: DemoAddresses) -> Changes:
    """Give a demo client's channels their addresses (only when it has none yet)."""
    if ws.addresses.list(client_id):
        return Changes()
    changes = ws.addresses.save_settings(client_id, plan.settings).changes
    by_name = {c.name: c.id for c in ws.channels.list(client_id)}
    for name, channel_id in by_name.items():
        if name in plan.skip:
            continue
        created = ws.addresses.generate(channel_id, count=plan.count.get(name, 1))
        changes |= created.changes
        if name in plan.retire:
            changes |= ws.addresses.retire(created.value[-1].id).changes
    if plan.custom:
        changes |= ws.addresses.import_custom(client_id, plan.custom).changes
    return changes


def _demo_visits(ws: Workspace, demo_names: set[str], token: CancelToken) -> Changes:
    """Visit histories and their dynamic-tracking leads (see :mod:`app.core.visits.demo`)."""
    from app.core.visits.demo import generate_demo_visits

    changes = Changes()
    for client in ws.clients.list():
        if client.name in demo_names:
            token.raise_if_cancelled()
            changes |= generate_demo_visits(ws, client)
    return changes


def generate_demo(
    ws: Workspace,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Changes:
    """Create the demo clients and channels; clients that already exist are left alone."""
    token = token or CancelToken()
    existing = {c.name for c in ws.clients.list(include_archived=True)}
    changes = Changes()
    total = len(DEMO_CLIENTS)
    for done, demo in enumerate(DEMO_CLIENTS):
        token.raise_if_cancelled()
        progress(done, total, demo.fields.name)
        if demo.fields.name in existing:
            continue
        client = ws.clients.create(demo.fields)
        changes |= client.changes
        for name, kind, notes in demo.channels:
            changes |= ws.channels.create(
                client.value.id, ChannelFields(name=name, kind=kind, notes=notes)
            ).changes
        if demo.archived:
            changes |= ws.clients.set_archived(client.value.id, True).changes
    # Addresses in a second pass, so demo folders made before addresses existed get them too.
    for existing_client in ws.clients.list(include_archived=True):
        plan = DEMO_ADDRESSES.get(existing_client.name)
        if plan is not None:
            changes |= _demo_addresses(ws, existing_client.id, plan)
    # Leads (and a clearly fake, inactive mailbox) for the active demo clients.
    from app.core.attribution.demo import generate_demo_leads
    from app.core.reports.demo import generate_demo_reports

    demo_names = {d.fields.name for d in DEMO_CLIENTS}
    for existing_client in ws.clients.list():
        if existing_client.name in demo_names:
            token.raise_if_cancelled()
            changes |= generate_demo_leads(ws, existing_client)
            changes |= generate_demo_reports(ws, existing_client)
    changes |= _demo_visits(ws, demo_names, token)
    progress(total, total, "")
    log.info(
        "Demo data: %d clients, %d channels, %d addresses",
        len(changes.clients),
        len(changes.channels),
        len(changes.addresses),
    )
    return changes
