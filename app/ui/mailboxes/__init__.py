"""Mailbox accounts in the GUI: the Mailboxes tab, the mailbox dialog and the sync controller."""
