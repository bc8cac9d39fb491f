"""Tracking addresses: tags, address styles, validation, the matching rule, exports and sheets.

Import the pieces from their modules (``app.core.addresses.matching`` and so on); this package
file stays empty so that importing one piece does not load the database layer.
"""
