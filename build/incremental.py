"""Incremental builds: the build manifest, redirects for moved pages, and the commit.

Every build of a site (full or incremental) leaves var/build/<slug>/manifest.json:

    records    {id: [lang, url, hash, live revision id]} of the site's own records
    hashes     {lang: {id: hash}} of every record each language renders (the
               portal's aggregated copies included): the inputs of output keys
    outputs    {lang: {file: [key, digest]}}: every file the records generator
               wrote, the key of what it was made from (build/render/outputs.py)
               and a digest of its bytes
    files      {file: digest} of the other files: theme assets, media, index.html,
               sitemap.xml, robots.txt, 404.html, redirect pages
    redirects  {old path: new path} of pages that moved or were renamed
    base_keys  {lang: key of what every page of the language shares}
    related    {lang: {news id: [ids it shows as related]}}: who depends on whom

What depends on a record is in the keys: a listing page's key holds the
hashes of the records on it, an article's key those of its related articles,
the home page's those of the lists it shows, feeds and JSON those of their
entries. An incremental build re-exports the changed pages, recomputes every
key (cheap) and renders only the files whose key changed, into a staging
folder; commit() then moves into dist/<slug>/ the files whose bytes differ
and deletes the files no longer produced. The result is byte-identical to a
full build of the same content (tests/build/test_incremental.py).
"""

import filecmp
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from build.publish.files import walk_files
from build.redirects import redirect_page
from build.render.outputs import content_digest

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1
SITE_FILES = ("index.html", "sitemap.xml", "robots.txt", "404.html")


@dataclass
class Manifest:
    base_url: str = ""
    records: dict = field(default_factory=dict)
    hashes: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    redirects: dict = field(default_factory=dict)
    # {lang: key of the parts every page shares} and {lang: {news id: [related
    # ids]}}: with both unchanged, a build checks only the pages near a change.
    base_keys: dict = field(default_factory=dict)
    related: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path):
        """The manifest at `path`, or None when missing, unreadable or of another version."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
            return None
        data.pop("version")
        try:
            return cls(**data)
        except TypeError:
            return None

    def save(self, path: Path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        data = {"version": MANIFEST_VERSION, **self.__dict__}
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        tmp.replace(path)

    def all_files(self):
        found = set(self.files)
        for outputs in self.outputs.values():
            found.update(outputs)
        return found

    def digests(self):
        """{file: digest} of everything the build wrote."""
        found = dict(self.files)
        for outputs in self.outputs.values():
            found.update((path, entry[1]) for path, entry in outputs.items())
        return found


def record_entries(records, hashes):
    return {
        r["id"]: [r["lang"], r["url"], hashes[r["lang"]][r["id"]], r.get("revision")]
        for r in records
    }


def moved_pages(previous: Manifest | None, records):
    """{old path: new path} for records whose URL changed since the previous build."""
    if previous is None:
        return {}
    moved = {}
    for record in records:
        before = previous.records.get(record["id"])
        if before is not None and before[1] != record["url"]:
            moved[before[1]] = record["url"]
    return moved


def merge_redirects(previous: Manifest | None, moved, records):
    """Redirects to keep: the previous ones plus `moved`, pointing at final URLs.

    A chain (a page moved twice) points straight at the latest URL; a path
    that a live page occupies again is no redirect any more.
    """
    redirects = dict(previous.redirects) if previous else {}
    redirects.update(moved)
    live = {r["url"] for r in records}
    for old in list(redirects):
        target, seen = redirects[old], {old}
        while target in redirects and target not in seen:
            seen.add(target)
            target = redirects[target]
        redirects[old] = target
    return {old: new for old, new in sorted(redirects.items()) if old not in live and old != new}


def write_redirects(out_dir: Path, redirects, base_url):
    """An HTML redirect page at each old path; returns {file: digest}."""
    files = {}
    for old, new in redirects.items():
        rel = old.lstrip("/") + "index.html"
        data = redirect_page(base_url + new, old.split("/")[1])
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        files[rel] = content_digest(data)
    return files


def site_redirects(var_dir, slug):
    """{old path: absolute new URL} of the site's last build, what the publisher
    attaches to the redirect pages (WebsiteRedirectLocation on S3)."""
    manifest = Manifest.load(Path(var_dir) / "build" / slug / MANIFEST_NAME)
    if manifest is None:
        return {}
    return {old: manifest.base_url + new for old, new in manifest.redirects.items()}


def other_files(out_dir: Path, generator_outputs):
    """{file: digest} of what a build wrote besides the records generator's pages."""
    files = {}
    produced = set()
    for outputs in generator_outputs.values():
        produced.update(outputs)
    for rel, abspath, _stat in walk_files(out_dir):
        if rel not in produced:
            files[rel] = _file_digest(abspath)
    return files


def _file_digest(path):
    with open(path, "rb") as handle:
        return content_digest(handle.read())


@dataclass
class Commit:
    changed: list = field(default_factory=list)  # files written into the live folder
    deleted: list = field(default_factory=list)  # files removed from it

    @property
    def paths(self):
        return sorted(self.changed) + sorted(self.deleted)


def commit(staging: Path, live: Path, keep: set, previous_files: set):
    """Move staged files whose bytes differ into `live`; delete files no longer produced.

    `keep`: every file this build produced (staged or unchanged in place);
    `previous_files`: every file of the previous build. The staging folder is
    removed. Each file is replaced by a rename: a visitor never sees half a page.
    """
    result = Commit()
    for rel, abspath, _stat in walk_files(staging):
        target = live / rel
        if target.is_file() and filecmp.cmp(abspath, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(abspath, target)
        result.changed.append(rel)
    for rel in sorted(previous_files - keep):
        target = live / rel
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        result.deleted.append(rel)
        _remove_empty_parents(target.parent, live)
    shutil.rmtree(staging, ignore_errors=True)
    return result


def _remove_empty_parents(folder: Path, root: Path):
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def staging_dir(dist_dir: Path, slug):
    return dist_dir / f".{slug}.update-{uuid.uuid4().hex[:8]}"
