"""User-facing errors.

Everything a user can cause or fix (a wrong password, a broken file, a locked database) is an
``AppError``: the GUI shows its message with "Copy details", the CLI prints it and exits with its
``exit_code``. Anything else that escapes is a bug and goes to the crash handler.
"""

from __future__ import annotations


class AppError(Exception):
    """An error the user should see as a clear message, not as a crash."""

    exit_code = 1

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class ValidationError(AppError):
    """Input that breaks a rule (an empty name, a duplicate, a malformed address)."""

    exit_code = 2

    def __init__(self, message: str, *, field: str = "", details: str = "") -> None:
        super().__init__(message, details=details)
        self.field = field


class NotFoundError(AppError):
    """A client, channel or other record that does not exist (any more)."""

    exit_code = 3


class StorageError(AppError):
    """The database cannot be opened, read or written."""

    exit_code = 4


class DataInUseError(StorageError):
    """Another copy of Mailsource has this data folder open."""

    exit_code = 5


class MigrationError(StorageError):
    """A schema migration failed; the previous file was restored."""

    exit_code = 6


class Cancelled(Exception):  # noqa: N818 - reads as "the job was cancelled"
    """Raised inside a long job when its cancel token is set; not an error for the user."""
