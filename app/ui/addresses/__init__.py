"""The Addresses section of a client page: tracking addresses, their style settings, the alias
export and printed address sheets."""
