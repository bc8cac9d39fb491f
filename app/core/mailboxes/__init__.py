"""Mailbox accounts of clients: connection, folders, sync state; passwords in the keyring."""
