"""Fixtures for tests against real servers.

Dovecot: ``dovecot_server`` is one IMAP server for the whole session; ``imap_user`` gives each test
a fresh login with an empty mailbox on it; ``dovecot_factory`` starts private servers for tests
that stop one (the server vanishing mid-session). Without Dovecot the tests skip locally and fail
on CI (``CI=true``), where a missing server means a broken pipeline, not a reason to pass.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

# tests/ has no __init__.py: pytest puts this folder on sys.path, so the helper imports by name.
from dovecot import DovecotServer, MailUser, dovecot_available


def _require_dovecot() -> None:
    reason = dovecot_available()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the IMAP tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """A running Dovecot shared by the session; tests must not stop it (use dovecot_factory)."""
    _require_dovecot()
    server = DovecotServer()
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def imap_user(dovecot_server: DovecotServer) -> MailUser:
    """A fresh user with an empty mailbox on the shared server."""
    return dovecot_server.add_user()


@pytest.fixture
def dovecot_factory() -> Iterator[Callable[..., DovecotServer]]:
    """Start private servers (``factory(**DovecotServer kwargs)``); all are removed afterwards."""
    _require_dovecot()
    servers: list[DovecotServer] = []

    def start(**kwargs: object) -> DovecotServer:
        server = DovecotServer(**kwargs)  # type: ignore[arg-type]
        servers.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in servers:
            server.close()
