"""Stored inbound mail: leads and the mail filtered out, and the queries the views page through."""
