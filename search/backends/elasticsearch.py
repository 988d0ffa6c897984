"""Elasticsearch backend (elasticsearch 9.x client), chosen by ELASTICSEARCH_URL.

The public name is an alias; the data lives in timestamped concrete indices
`<alias>-<UTC time>` created from one index template. A full rebuild fills a
new concrete index, then moves the alias in one atomic `_aliases` call and
drops the old index, so searches never see an empty index.
"""

import time
from datetime import UTC, datetime

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers

from ..snippets import highlight_title, snippet_with_source
from ..text import parse_query
from . import es_bodies
from .base import BackendUnavailable, SearchBackend, SearchResults

_DISPLAY = ("id", "title", "url", "site", "site_name", "lang", "kind", "date", "year", "summary")


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, index="cong-search", client=None, request_timeout=5):
        self.alias = index
        self.client = client or Elasticsearch(
            url, request_timeout=request_timeout, max_retries=1, retry_on_timeout=False
        )

    # -- helpers -------------------------------------------------------------
    def _call(self, function, *args, **kwargs):
        """Run a client call; unreachable cluster or server error → BackendUnavailable."""
        try:
            return function(*args, **kwargs)
        except TransportError as exc:
            raise BackendUnavailable(f"Elasticsearch: {exc}") from exc
        except ApiError as exc:
            if exc.meta.status >= 500 or isinstance(exc, NotFoundError):
                raise BackendUnavailable(f"Elasticsearch: {exc}") from exc
            raise

    def _new_index_name(self):
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def _put_template(self):
        body = es_bodies.index_template(self.alias)
        self._call(
            self.client.indices.put_index_template,
            name=self.alias,
            index_patterns=body["index_patterns"],
            priority=body["priority"],
            template=body["template"],
        )

    def _create_index(self):
        name = self._new_index_name()
        self._call(self.client.indices.create, index=name)
        return name

    def _aliased_indices(self):
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []
        except TransportError as exc:
            raise BackendUnavailable(f"Elasticsearch: {exc}") from exc

    def ensure_index(self):
        """Template + first concrete index + alias, when the alias does not exist yet."""
        if self._aliased_indices():
            return
        self._put_template()
        name = self._create_index()
        self._call(
            self.client.indices.update_aliases,
            actions=[{"add": {"index": name, "alias": self.alias}}],
        )

    def _bulk(self, actions, refresh=True, **options):
        success, _errors = self._call(
            helpers.bulk,
            self.client,
            actions,
            refresh="wait_for" if refresh else False,
            chunk_size=500,
            **options,
        )
        return success

    # -- writing -------------------------------------------------------------
    def upsert(self, documents):
        self.ensure_index()
        return self._bulk(es_bodies.bulk_actions(self.alias, documents))

    def delete(self, ids):
        ids = list(ids)
        if ids:
            # Already gone (404) is fine: deleting is idempotent.
            self._bulk(es_bodies.delete_actions(self.alias, ids), ignore_status=(404,))
        return len(ids)

    def rebuild(self, documents):
        self._put_template()
        new = self._create_index()
        try:
            count = self._bulk(es_bodies.bulk_actions(new, documents), refresh=False)
            self._call(self.client.indices.refresh, index=new)
        except BaseException:
            self.client.indices.delete(index=new, ignore_unavailable=True)
            raise
        old = self._aliased_indices()
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        for name in old:
            self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
        return count

    def site_state(self, site):
        if not self._aliased_indices():
            return {}
        hits = self._call(
            lambda: list(
                helpers.scan(
                    self.client,
                    index=self.alias,
                    query={"query": {"term": {"site": site}}, "_source": ["hash"]},
                    size=1000,
                )
            )
        )
        return {hit["_id"]: hit["_source"].get("hash") for hit in hits}

    # -- reading -------------------------------------------------------------
    def search(self, request):
        parsed = parse_query(request.text)
        if parsed.empty:
            return SearchResults(total=0, hits=[], facets={"site": {}, "kind": {}, "year": {}})
        body = es_bodies.search_body(request)
        response = self._call(self.client.search, index=self.alias, body=body)
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            item = {key: source.get(key) for key in _DISPLAY}
            item["id"] = hit["_id"]
            item["snippet"], item["attachment"] = snippet_with_source(source, parsed)
            item["title_html"] = highlight_title(source.get("title") or "", parsed)
            hits.append(item)
        total = response["hits"]["total"]["value"]
        return SearchResults(
            total=total, hits=hits, facets=es_bodies.facets_from(response.get("aggregations", {}))
        )

    def suggest_titles(self, folded_words, filters, limit):
        """[(title, url)] of the best documents whose title holds the words (last: a prefix)."""
        body = es_bodies.suggest_body(list(folded_words), filters, limit)
        response = self._call(self.client.search, index=self.alias, body=body)
        return [
            (hit["_source"].get("title") or "", hit["_source"].get("url") or None)
            for hit in response["hits"]["hits"]
        ]

    def health(self):
        started = time.perf_counter()
        response = self._call(self.client.count, index=self.alias)
        return {
            "status": "ok",
            "backend": self.name,
            "documents": response["count"],
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def close(self):
        self.client.close()
