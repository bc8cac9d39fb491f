"""Client projects and their advertising channels."""

from app.core.clients.model import Channel, ChannelFields, ChannelKind, Client, ClientFields
from app.core.clients.service import ChannelService, ClientService

__all__ = [
    "Channel",
    "ChannelFields",
    "ChannelKind",
    "ChannelService",
    "Client",
    "ClientFields",
    "ClientService",
]
