"""Backend choice, in this one place: ELASTICSEARCH_URL set → Elasticsearch, else the
embedded tantivy index.

SEARCH_INDEX_PATH    the embedded index (a link to its live folder; default var/search-index)
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


def default_index_path(env=None):
    return search_config(env).index_path


def get_backend(env=None):
    """The configured backend (see search_config)."""
    config = search_config(env)
    if config.elasticsearch_url:
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(config.elasticsearch_url, index=config.search_index)
    from .embedded import TantivyBackend

    return TantivyBackend(config.index_path)
