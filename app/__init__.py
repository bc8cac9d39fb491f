"""Mailsource: offline-first email tracking for marketing agencies."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Mailsource"
ORG_NAME = "Mailsource"
