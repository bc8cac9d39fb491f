"""Passwords in the operating system's keyring, and nowhere else.

Windows Credential Manager, the macOS Keychain or the Secret Service on Linux, through
``keyring``. When no keyring is available or it is locked, the user is told how to fix it;
nothing ever falls back to storing a password in a file.
"""

from __future__ import annotations

import logging

from app.core.errors import AppError
from app.core.i18n import translate

log = logging.getLogger(__name__)

SERVICE = "Mailsource"


class KeyringError(AppError):
    """The OS keyring is missing, locked or refused access."""

    exit_code = 7


def _keyring_failure(exc: Exception) -> KeyringError:
    return KeyringError(
        translate(
            "credentials",
            "The system keyring is not available, so Mailsource cannot store or read the "
            "password. On Windows and macOS sign in to your user account normally; on Linux "
            "start and unlock a Secret Service keyring (GNOME Keyring or KWallet) and try "
            "again. The password was not saved anywhere else.",
        ),
        details=f"{type(exc).__name__}: {exc}",
    )


def get_password(key: str) -> str | None:
    """The password stored under ``key``, or None when there is none."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError as exc:
        raise _keyring_failure(exc) from exc


def set_password(key: str, password: str) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, key, password)
    except keyring.errors.KeyringError as exc:
        raise _keyring_failure(exc) from exc
    log.info("Stored a password in the keyring for %s", key)


def delete_password(key: str) -> bool:
    """Remove the entry; False when there was none."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, key)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise _keyring_failure(exc) from exc
    return True


def backend_name() -> str:
    """The keyring backend in use, for the About dialog and diagnostics."""
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"
