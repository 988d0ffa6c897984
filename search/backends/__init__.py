"""Backend choice, in this one place: ELASTICSEARCH_URL set → Elasticsearch, else SQLite.

SEARCH_SQLITE_PATH   the embedded index file (default var/search.sqlite3)
ELASTICSEARCH_URL    e.g. http://127.0.0.1:9200 (switches to Elasticsearch)
SEARCH_INDEX         Elasticsearch alias name (default "cong-search")

The values come from search/config.py: Django settings in the CMS, the
environment outside it.
"""

from pathlib import Path

from search.config import Config, current

from .base import BackendUnavailable, SearchBackend, SearchRequest, SearchResults

__all__ = [
    "BackendUnavailable",
    "SearchBackend",
    "SearchRequest",
    "SearchResults",
    "get_backend",
]

PROJECT_DIR = Path(__file__).resolve().parents[2]


def search_config(env=None):
    """`env`: a Config, a mapping of environment variables, or None (the current one)."""
    if isinstance(env, Config):
        return env
    return current() if env is None else Config.from_env(env)


def default_sqlite_path(env=None):
    return search_config(env).sqlite_path


def get_backend(env=None):
    """The configured backend (see search_config)."""
    config = search_config(env)
    if config.elasticsearch_url:
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(config.elasticsearch_url, index=config.search_index)
    from .sqlite import SQLiteBackend

    return SQLiteBackend(config.sqlite_path)
