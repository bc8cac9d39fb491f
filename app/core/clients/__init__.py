"""Client projects and their advertising channels.

``model`` (plain types, cheap to import), ``validation`` (rules) and ``service`` (the database
operations) are imported from their modules, so the GUI can show its window before SQLAlchemy
is loaded.
"""
