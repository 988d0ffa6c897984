"""Database connections and forked render workers."""

from django.db import connections


def close_idle_connections():
    """Close database connections before forking render workers (never inside a transaction).

    A forked child would inherit the live socket and close it when it exits.
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()
