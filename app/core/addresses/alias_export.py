"""The alias set-up export for the client's mail administrator.

Alias and custom addresses only work once the mail server delivers them to the main mailbox.
The export is a CSV (address -> main mailbox; UTF-8 with a BOM so Excel opens Cyrillic
correctly) and a short instruction for the client's mail provider.

Provider facts were checked against the providers' own help pages (or, for Microsoft 365's
switch, the published cmdlet documentation): Yandex 360 (up to 10 aliases per mailbox, added in
the employee card at admin.yandex.ru), Google Workspace (up to 30 aliases per user, Admin
console > Users > user > User information > Email aliases, working within 24 hours), Microsoft
365 (up to 400 aliases per user, admin centre > Users > Active users > Manage username and
email; plus-addressing switched by ``Set-OrganizationConfig -DisablePlusAddressInRecipients``),
cPanel (Email > Forwarders > Add Forwarder, and Email > Default Address for a catch-all). For
Mail.ru for business (VK WorkMail) we could not confirm the menu path, so its text is generic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.core.addresses.validation import display_address
from app.core.clients.validation import domain_to_unicode
from app.core.i18n import translate


class Provider(StrEnum):
    """Mail services we have instructions for."""

    YANDEX_360 = "yandex360"
    GOOGLE_WORKSPACE = "google"
    MICROSOFT_365 = "microsoft365"
    MAILRU_BUSINESS = "mailru"
    CPANEL = "cpanel"
    OTHER = "other"


def provider_name(provider: Provider) -> str:
    """The provider's name as shown to the user (empty for "other")."""
    names = {
        Provider.YANDEX_360: translate("addresses", "Yandex 360"),
        Provider.GOOGLE_WORKSPACE: "Google Workspace",
        Provider.MICROSOFT_365: "Microsoft 365",
        Provider.MAILRU_BUSINESS: translate("addresses", "Mail.ru for business (VK WorkMail)"),
        Provider.CPANEL: "cPanel",
        Provider.OTHER: "",
    }
    return names[provider]


ALIAS_LIMITS: dict[Provider, int] = {
    Provider.YANDEX_360: 10,
    Provider.GOOGLE_WORKSPACE: 30,
    Provider.MICROSOFT_365: 400,
}
"""Aliases one mailbox may have, from the providers' help pages."""


@dataclass(frozen=True)
class AliasRow:
    """One alias the admin must create: ``address`` delivered to ``mailbox``."""

    address: str
    """Stored form (IDNA domain)."""
    mailbox: str
    channel: str = ""


def alias_csv(rows: Sequence[AliasRow], *, delimiter: str = ",") -> bytes:
    """The CSV file: a header and one row per alias, UTF-8 with a BOM, CRLF line ends.

    Columns: the address as the mail server needs it (ASCII domain), the same in Unicode for
    people, the mailbox it must reach, and the channel (to know what it is for).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(
        [
            translate("addresses", "Address"),
            translate("addresses", "Address (as people read it)"),
            translate("addresses", "Deliver to mailbox"),
            translate("addresses", "Channel"),
        ]
    )
    for row in rows:
        writer.writerow(
            [row.address, display_address(row.address), row.mailbox, _safe_cell(row.channel)]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe_cell(text: str) -> str:
    # A channel name starting with = + - @ would run as a formula when the admin opens the file.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def instructions(
    provider: Provider,
    *,
    main_address: str,
    alias_count: int,
    plus_addressing: bool = False,
    token_domain: str = "",
) -> str:
    """Short set-up steps for the client's mail admin, in the user's language.

    ``plus_addressing``: the client uses plus addresses (say how to make sure they work);
    ``token_domain``: tokens on a catch-all subdomain (say it needs a catch-all).
    """
    mailbox = display_address(main_address)
    parts: list[str] = []
    if alias_count:
        parts.append(
            translate(
                "addresses",
                "Create each address in the attached CSV file ({n} in all) so that its mail is "
                "delivered to the mailbox {mailbox}.",
            ).format(n=alias_count, mailbox=mailbox)
        )
        parts.append(_alias_steps(provider))
        limit = ALIAS_LIMITS.get(provider)
        if limit is not None and alias_count > limit:
            parts.append(
                translate(
                    "addresses",
                    "{provider} allows at most {limit} aliases per mailbox, and this list has "
                    "{n}. Use plus addresses instead, or spread the aliases over a shared mailbox "
                    "or a group that delivers to {mailbox}.",
                ).format(
                    provider=provider_name(provider), limit=limit, n=alias_count, mailbox=mailbox
                )
            )
    if plus_addressing:
        parts.append(_plus_steps(provider, mailbox))
    if token_domain:
        parts.append(
            translate(
                "addresses",
                "Dynamic tracking uses addresses like k7x2m@{domain}: point the MX record of "
                "{domain} to the mail server and set up a catch-all for it that delivers every "
                "address to {mailbox}.",
            ).format(domain=domain_to_unicode(token_domain), mailbox=mailbox)
        )
    parts.append(
        translate(
            "addresses",
            "Afterwards, send a test email to one of the addresses from an outside mailbox and "
            "check that it arrives in {mailbox}.",
        ).format(mailbox=mailbox)
    )
    return "\n\n".join(parts)


def _alias_steps(provider: Provider) -> str:
    if provider is Provider.YANDEX_360:
        return translate(
            "addresses",
            "Yandex 360 for Business: open admin.yandex.ru, go to Employees and open the "
            "employee who owns the mailbox. Click the three dots in the top-right corner of the "
            "card, choose Edit aliases, then Add new, and enter each address. One mailbox can "
            "have up to 10 aliases.",
        )
    if provider is Provider.GOOGLE_WORKSPACE:
        return translate(
            "addresses",
            "Google Workspace: in the Admin console (admin.google.com) open Users, click the "
            "user who owns the mailbox, then User information > Email aliases > Alias. Enter the "
            "part before the @, choose the domain and click Save. A user can have up to 30 "
            "aliases; new aliases start working within 24 hours.",
        )
    if provider is Provider.MICROSOFT_365:
        return translate(
            "addresses",
            "Microsoft 365: in the Microsoft 365 admin center go to Users > Active users, select "
            "the user, then Manage username and email > Add an alias. Enter the part before the "
            "@, choose the domain, add it and save. A user can have up to 400 aliases.",
        )
    if provider is Provider.MAILRU_BUSINESS:
        return translate(
            "addresses",
            "Mail.ru for business (VK WorkMail): in the domain's admin panel at biz.mail.ru, add "
            "each address as an additional address (alias) of the mailbox, or ask VK WorkMail "
            "support how to deliver several addresses to one mailbox on your plan.",
        )
    if provider is Provider.CPANEL:
        return translate(
            "addresses",
            "cPanel: open Email > Forwarders and click Add Forwarder. Enter the part before the "
            "@ in Address to Forward, choose the domain, select Forward to Email Address, enter "
            "the mailbox and click Add Forwarder. Repeat for each address. Do not create a "
            "separate email account with the same name, or mail would be kept there too.",
        )
    return translate(
        "addresses",
        "On your mail server, create each address as an alias (or forwarder) of the mailbox. "
        "Alternatively a catch-all for the domain delivers every unknown address to it, at the "
        "cost of more spam.",
    )


def _plus_steps(provider: Provider, mailbox: str) -> str:
    if provider is Provider.MICROSOFT_365:
        return translate(
            "addresses",
            "Plus addresses (like info+tv@…) need plus addressing, which Microsoft 365 can "
            "switch off for the whole organisation. To make sure it is on, run in Exchange "
            "Online PowerShell:\n    Set-OrganizationConfig -DisablePlusAddressInRecipients "
            "$false",
        )
    if provider is Provider.CPANEL or provider is Provider.OTHER:
        return translate(
            "addresses",
            "Plus addresses (like info+tv@…) only work if the mail server supports "
            "plus-addressing (sub-addressing). Send a test email to one and check that it "
            "arrives in {mailbox}; if it bounces, switch the client to alias addresses.",
        ).format(mailbox=mailbox)
    return translate(
        "addresses",
        "Plus addresses (like info+tv@…) need no set-up on {provider}: mail to them is "
        "delivered to {mailbox}.",
    ).format(provider=provider_name(provider), mailbox=mailbox)
