"""Realistic demo data, so a newcomer opening ``mailsource --demo`` sees a living product.

Each capability adds its own demo data here as it lands (addresses, leads, visits, costs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

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
    progress(total, total, "")
    log.info("Demo data: %d clients, %d channels", len(changes.clients), len(changes.channels))
    return changes
