"""A tiny Elasticsearch stand-in on loopback that records every request.

No Elasticsearch server can run on these machines, so the backend's real
client talks to this instead: it keeps indices, aliases and documents in
memory well enough for the backend's calls to succeed, and tests assert on
the recorded request bodies (mappings, analyzers, bulk actions, queries).
It does not search: _search returns stored documents unranked.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Recorded:
    method: str
    path: str
    params: dict
    body: object  # parsed JSON, a list for NDJSON, or None


@dataclass
class State:
    requests: list = field(default_factory=list)
    templates: dict = field(default_factory=dict)
    indices: dict = field(default_factory=dict)  # index → {id: source}
    aliases: dict = field(default_factory=dict)  # alias → set of indices

    def resolve(self, name):
        return sorted(self.aliases.get(name, set())) or ([name] if name in self.indices else [])

    def of(self, method=None, path_part=""):
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and path_part in r.path
        ]


class _Handler(BaseHTTPRequestHandler):
    state: State

    def log_message(self, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        if "ndjson" in (self.headers.get("Content-Type") or ""):
            return [json.loads(line) for line in raw.splitlines() if line.strip()]
        return json.loads(raw)

    def _reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self):
        url = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = self._body()
        state = self.state
        state.requests.append(Recorded(self.command, url.path, params, body))
        parts = [p for p in url.path.split("/") if p]
        method = self.command
        not_found = {"error": {"type": "index_not_found_exception"}, "status": 404}

        if parts[:1] == ["_alias"]:
            indices = state.resolve(parts[1]) if parts[1] in state.aliases else []
            if not indices:
                return self._reply(404, not_found)
            return self._reply(200, {i: {"aliases": {parts[1]: {}}} for i in indices})
        if parts[:1] == ["_index_template"]:
            state.templates[parts[1]] = body
            return self._reply(200, {"acknowledged": True})
        if parts == ["_aliases"]:
            for action in body["actions"]:
                (verb, spec) = next(iter(action.items()))
                members = state.aliases.setdefault(spec["alias"], set())
                (members.add if verb == "add" else members.discard)(spec["index"])
            return self._reply(200, {"acknowledged": True})
        if parts[-1:] == ["_bulk"]:
            return self._reply(200, self._bulk(body, parts[0] if len(parts) > 1 else None))
        if parts[:2] == ["_search", "scroll"]:
            if method == "DELETE":
                return self._reply(200, {"succeeded": True, "num_freed": 1})
            return self._reply(200, {"_scroll_id": "s", "hits": {"hits": []}, "_shards": _SHARDS})
        if len(parts) == 2 and parts[1] in ("_search", "_count", "_refresh"):
            indices = state.resolve(parts[0])
            if not indices:
                return self._reply(404, not_found)
            docs = [(i, d, s) for i in indices for d, s in state.indices[i].items()]
            if parts[1] == "_count":
                return self._reply(200, {"count": len(docs), "_shards": _SHARDS})
            if parts[1] == "_refresh":
                return self._reply(200, {"_shards": _SHARDS})
            return self._reply(200, self._search(docs, body or {}, params))
        if len(parts) == 1 and method == "PUT":
            state.indices[parts[0]] = {}
            return self._reply(200, {"acknowledged": True, "index": parts[0]})
        if len(parts) == 1 and method == "DELETE":
            for name in parts[0].split(","):
                state.indices.pop(name, None)
            return self._reply(200, {"acknowledged": True})
        return self._reply(400, {"error": f"fake does not know {method} {url.path}"})

    def _bulk(self, lines, default_index):
        items, index = [], 0
        while index < len(lines):
            (op, meta) = next(iter(lines[index].items()))
            target = self.state.resolve(meta.get("_index") or default_index)[0]
            docs = self.state.indices[target]
            if op == "delete":
                status = 200 if docs.pop(meta["_id"], None) is not None else 404
                index += 1
            else:
                status = 200 if meta["_id"] in docs else 201
                docs[meta["_id"]] = lines[index + 1]
                index += 2
            items.append({op: {"_index": target, "_id": meta["_id"], "status": status}})
        return {"took": 1, "errors": False, "items": items}

    def _search(self, docs, body, params):
        site = body.get("query", {}).get("term", {}).get("site")
        matching = [(i, d, s) for i, d, s in docs if site is None or s.get("site") == site]
        hits = [{"_index": i, "_id": d, "_score": 1.0, "_source": s} for i, d, s in matching]
        start, size = body.get("from", 0), body.get("size", 10)
        response = {
            "took": 1,
            "timed_out": False,
            "_shards": _SHARDS,
            "hits": {
                "total": {"value": len(hits), "relation": "eq"},
                "hits": hits[start : start + size],
            },
            "aggregations": {
                name: {"doc_count": len(hits), "values": {"buckets": []}}
                for name in body.get("aggs", {})
            },
        }
        if "scroll" in params:
            response["_scroll_id"] = "s"
            response["hits"]["hits"] = hits
        return response

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle


_SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}


class FakeElasticsearch:
    def __init__(self):
        self.state = State()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
