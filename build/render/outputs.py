"""Output keys: what an incremental build compares to decide that a file is current.

Every file the records generator writes gets a key, a digest of everything
its content is made from: the language's shared parts (menus, footer, config,
assets, templates, this package's code) and the hashes of the records shown on
it. A build that finds the same key for a path in the previous build's manifest
does not render that file again; the live copy is the one it would write.

Record hashes are digests of the record's JSON line (see build/pipeline.py),
so any change to a record changes the keys of every output that shows it.
"""

import hashlib
import json
from pathlib import Path

RENDER_CODE = Path(__file__).resolve().parent


def digest(*parts):
    """A short, stable digest of strings (never Python's per-process hash())."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode())
        h.update(b"\x1f")
    return h.hexdigest()


def record_hash(line):
    """The hash of one record, from its serialised JSON line."""
    return hashlib.blake2b(line.encode(), digest_size=12).hexdigest()


def canonical_json(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def output_file(path):
    """A site path ("/vi/tin-tuc/") as the file written for it ("vi/tin-tuc/index.html")."""
    rel = path.lstrip("/")
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def code_fingerprint(theme_dirs):
    """Templates, translations and static files of a theme chain, plus the render code.

    A change to any of them changes every key: the next build re-renders all.
    """
    h = hashlib.blake2b(digest_size=12)
    folders = [Path(d) for d in theme_dirs] + [RENDER_CODE]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".mo", ".py", ".css", ".js", ".toml"):
                h.update(str(path.relative_to(folder)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def content_digest(data):
    """The digest of a written file's bytes, kept in the build manifest."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Fragments:
    """Serialised pieces of large outputs, by what they are made of, kept between
    builds in this process.

    index.json, api/<kind>.json and sitemap.xml list every record of a site: an
    edit of one record changes them, but only one of their items. An
    incremental build in a worker that built before serialises that one item
    and reuses the others (keys hold the record's hash, so a stale piece is
    never reused). Bounded: when full, it starts again empty.
    """

    def __init__(self, limit=300_000):
        self.limit = limit
        self.items = {}

    def get(self, key, make):
        found = self.items.get(key)
        if found is None:
            if len(self.items) >= self.limit:
                self.items.clear()
            found = self.items[key] = make()
        return found


FRAGMENTS = Fragments()


def json_fragment(value):
    """What json.dumps(..., ensure_ascii=False, separators=(",", ":")) writes for
    `value` inside a larger document."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
