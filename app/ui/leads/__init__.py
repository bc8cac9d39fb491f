"""The Leads view of a client: a lazy table over a possibly huge journal, filters and details."""
