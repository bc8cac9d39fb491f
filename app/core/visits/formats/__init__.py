"""One module per export format; each turns text rows into :class:`~app.core.visits.model.Visit`.

A parser is a generator over a text stream that yields a ``Visit`` per finished record and ``None``
per row consumed without one (skipped rows are recorded with their reason in the
:class:`~app.core.visits.model.ImportReport`; GA4 events are folded into sessions), so the reader
can report progress and honour Cancel even in a file that is all garbage.
"""
