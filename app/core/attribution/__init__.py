"""Attribution: which channel (or visit token) each stored email belongs to.

:mod:`rules` matches one parsed email's recipients against the client's tracking addresses
(no database: the sync's parsing process imports it alone); :mod:`store` files attributed mail
as leads (filtered, thread replies, repeat contacts, reply times); :mod:`reattribute` matches
stored mail again after the addresses changed; :mod:`visits` links leads to imported visits.
"""
