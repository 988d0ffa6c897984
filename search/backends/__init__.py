"""Backend choice, in this one place: ELASTICSEARCH_URL set → Elasticsearch, else the
embedded tantivy index.

SEARCH_INDEX_PATH    the embedded index (a link to its live folder; default var/search-index)
ELASTICSEARCH_URL    e.g. http://127.0.0.1:9200 (switches to Elasticsearch)
SEARCH_INDEX         Elasticsearch alias name (default "cong-search")
"""

import os
from pathlib import Path

from .base import BackendUnavailable, SearchBackend, SearchRequest, SearchResults

__all__ = [
    "BackendUnavailable",
    "SearchBackend",
    "SearchRequest",
    "SearchResults",
    "get_backend",
]

PROJECT_DIR = Path(__file__).resolve().parents[2]


def default_index_path(env=None):
    env = os.environ if env is None else env
    if env.get("SEARCH_INDEX_PATH"):
        return Path(env["SEARCH_INDEX_PATH"])
    return Path(env.get("VAR_DIR") or PROJECT_DIR / "var") / "search-index"


def get_backend(env=None):
    """The configured backend (read from the environment; Django settings not needed)."""
    env = os.environ if env is None else env
    url = env.get("ELASTICSEARCH_URL", "").strip()
    if url:
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(url, index=env.get("SEARCH_INDEX") or "cong-search")
    from .embedded import TantivyBackend

    return TantivyBackend(default_index_path(env))
