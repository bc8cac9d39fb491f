"""Storage: the SQLAlchemy models, the database (SQLite or PostgreSQL), migrations and the lock."""
