"""Connection presets for the mail services our clients use, with what each needs to log in.

The facts in the notes were checked against the providers' own help pages (linked in
``help_url``) when this was written; providers change these rules, so the notes say what to do
rather than promise that a plain password works:

- Yandex 360: ``imap.yandex.ru:993`` over SSL; IMAP is switched on under Settings -> Mail
  clients, and mail programs log in with an *app password* (required with two-factor
  authentication, recommended always).
- Mail.ru / VK WorkMail: ``imap.mail.ru:993`` over SSL; the regular password does not work over
  IMAP, a "password for an external application" is needed, and access via IMAP/POP/SMTP must
  be allowed in the security settings.
- Gmail / Google Workspace: ``imap.gmail.com:993`` over SSL; IMAP is always on since January
  2025; the Google account needs 2-Step Verification and an *app password* (the "less secure
  apps" password login is gone).
- Microsoft 365 (Exchange Online): ``outlook.office365.com:993``; Microsoft turned Basic
  authentication (user name + password) off for IMAP in every tenant and nobody can turn it back
  on, so a password login fails. Mailsource logs in with a password only (no OAuth yet), so such
  a mailbox cannot be read directly: forward the mail to a mailbox of another provider.
- Zoho Mail: ``imap.zoho.com:993`` (personal) or ``imappro.zoho.com:993`` (organisation
  domains; ``.eu``/``.in``/``.com.au`` data centres have their own hosts); IMAP access is
  switched on per account in Settings -> Mail Accounts -> IMAP; with two-factor authentication
  an application-specific password is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import translate
from app.core.mailboxes.model import Security


@dataclass(frozen=True)
class Preset:
    """Server settings of one mail service and a note on what it needs to log in."""

    key: str
    name: str
    host: str
    port: int
    security: Security
    username_hint: str
    note: str
    """Translated; what to switch on and which password to use."""
    help_url: str

    @property
    def password_login_works(self) -> bool:
        """False when the provider refuses user name + password logins over IMAP."""
        return self.key != "microsoft365"


def _presets() -> tuple[Preset, ...]:
    # Built on each call so the notes come out in the current language.
    return (
        Preset(
            key="yandex",
            name=translate("mailboxes", "Yandex 360"),
            host="imap.yandex.ru",
            port=993,
            security=Security.SSL,
            username_hint="info@company.ru",
            note=translate(
                "mailboxes",
                "Turn on IMAP in Yandex Mail (Settings → Mail clients → “From the imap.yandex.ru "
                "server via IMAP”) and create an app password for mail (Yandex ID → Security → "
                "App passwords). Enter the full address as the user name and the app password, "
                "not the account password.",
            ),
            help_url="https://yandex.com/support/passport/authorization/app-passwords.html",
        ),
        Preset(
            key="mailru",
            name=translate("mailboxes", "Mail.ru / VK WorkMail"),
            host="imap.mail.ru",
            port=993,
            security=Security.SSL,
            username_hint="info@company.ru",
            note=translate(
                "mailboxes",
                "Mail.ru does not accept the account password over IMAP. In the mailbox "
                "settings open “Password and security”, allow access to Mail via IMAP, POP and "
                "SMTP, and create a “password for an external application”; enter that here.",
            ),
            help_url="https://help.mail.ru/mail/security/protection/external",
        ),
        Preset(
            key="gmail",
            name=translate("mailboxes", "Gmail / Google Workspace"),
            host="imap.gmail.com",
            port=993,
            security=Security.SSL,
            username_hint="info@company.com",
            note=translate(
                "mailboxes",
                "Google accepts only an app password here: turn on 2-Step Verification for the "
                "Google account, then create an app password (Google Account → Security → App "
                "passwords) and enter its 16 letters. IMAP is always on in Gmail.",
            ),
            help_url="https://support.google.com/accounts/answer/185833",
        ),
        Preset(
            key="microsoft365",
            name=translate("mailboxes", "Microsoft 365 / Outlook.com"),
            host="outlook.office365.com",
            port=993,
            security=Security.SSL,
            username_hint="info@company.com",
            note=translate(
                "mailboxes",
                "Microsoft has turned off password logins (Basic authentication) for IMAP in "
                "every Microsoft 365 organisation, and they cannot be turned back on. Mailsource "
                "logs in with a password, so it cannot read a Microsoft 365 mailbox directly: "
                "forward its mail to a mailbox at another provider and add that one instead.",
            ),
            help_url=(
                "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/"
                "deprecation-of-basic-authentication-exchange-online"
            ),
        ),
        Preset(
            key="zoho",
            name=translate("mailboxes", "Zoho Mail"),
            host="imappro.zoho.com",
            port=993,
            security=Security.SSL,
            username_hint="info@company.com",
            note=translate(
                "mailboxes",
                "Turn on IMAP access in Zoho Mail (Settings → Mail Accounts → IMAP). Mailboxes "
                "on your own domain use imappro.zoho.com, personal @zoho.com ones imap.zoho.com; "
                "accounts in the EU, India or Australia use .eu, .in or .com.au instead of "
                ".com. With two-factor authentication enter an application-specific password.",
            ),
            help_url="https://www.zoho.com/mail/help/imap-access.html",
        ),
        Preset(
            key="other",
            name=translate("mailboxes", "Other"),
            host="",
            port=993,
            security=Security.SSL,
            username_hint="info@company.ru",
            note=translate(
                "mailboxes",
                "Ask the mail administrator for the IMAP server, port and security. Many "
                "providers need IMAP turned on and a separate app password for mail programs.",
            ),
            help_url="",
        ),
    )


PRESETS: tuple[Preset, ...] = _presets()
"""All presets in display order (``other`` last). Call :func:`presets` for current-language
notes after the language changed."""


def presets() -> tuple[Preset, ...]:
    """All presets with notes in the current language."""
    return _presets()


def preset(key: str) -> Preset:
    """The preset for ``key``; unknown keys give ``other``."""
    for item in _presets():
        if item.key == key:
            return item
    return _presets()[-1]
