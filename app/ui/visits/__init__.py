"""The client page's Visits tab: visit imports, their history and rejected rows, pool health,
and the website snippet."""
