"""What is live on a target: the manifest a publish writes last, and the entries read back.

Design (the same for every target):

* The manifest (``<site>/.cong-manifest.json``) records, for every file the
  last *completed* publish left live, its sha256, size, headers, redirect and a
  *fingerprint* of the stored object as the target reported it when it was
  written: the ETag returned by PutObject on S3, ``size:mtime_ns`` for a folder.
* Reading the live state lists the target (cheap: one LIST per 1,000 objects,
  or a directory walk) and trusts a manifest entry only when the listed
  fingerprint still equals the recorded one.  Anything else (an object written
  by a publish that failed before its manifest, or changed behind our back) is
  *unverified*: S3 compares the listing's ETag with the local MD5 when the ETag
  is a plain MD5, a folder re-hashes the file, otherwise the file is uploaded
  again.  So a stale or missing manifest costs extra uploads, never a wrong
  "unchanged".
* A target may instead trust the manifest alone (no listing; for sites of tens
  of thousands of files where one LIST round trip per 1,000 objects is too
  slow for edit-to-live).  Then, before uploading, the publish writes an
  *intent* manifest in which every file about to be written is marked unknown,
  so a failure part-way still leaves a manifest that never claims a stale hash.
"""

import json
from dataclasses import dataclass
from typing import NamedTuple

MANIFEST_NAME = ".cong-manifest.json"
MANIFEST_FORMAT = 2
# Files a target writes for itself; never published, never deleted as stale.
RESERVED_PREFIX = ".cong-"


@dataclass(frozen=True)
class LiveEntry:
    """One file as it is live on the target.

    ``verified`` entries come from a manifest whose fingerprint matched (or
    from re-hashing the file): every field is known.  Unverified entries know
    only ``md5`` (from a plain S3 ETag) or nothing at all.
    """

    sha256: str | None
    size: int | None = None
    content_type: str | None = None
    cache_control: str | None = None
    redirect: str | None = None
    fingerprint: str | None = None
    md5: str | None = None
    verified: bool = True


class ManifestEntry(NamedTuple):
    """One file in the manifest; stored as a JSON array in this field order.

    A tuple, not a dataclass: a 23,000-file manifest is read and written on
    every publish, and arrays parse and serialise about twice as fast.
    """

    sha256: str | None  # None: a publish was writing this file and did not finish
    size: int
    content_type: str
    cache_control: str
    redirect: str | None
    fingerprint: str | None

    def as_live(self):
        return LiveEntry(
            sha256=self.sha256,
            size=self.size,
            content_type=self.content_type,
            cache_control=self.cache_control,
            redirect=self.redirect,
            fingerprint=self.fingerprint,
            verified=self.sha256 is not None,
        )


def dump_manifest(slug, entries, published_at):
    """Manifest bytes: sorted, compact, stable (so equal states give equal bytes)."""
    document = {
        "format": MANIFEST_FORMAT,
        "site": slug,
        "published_at": published_at,
        "fields": list(ManifestEntry._fields),
        "files": {path: entries[path] for path in sorted(entries)},
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_manifest(data):
    """Entries from manifest bytes; an unreadable manifest is treated as absent.

    Absent is always safe: the listing then verifies every object the slow way.
    """
    try:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != MANIFEST_FORMAT:
            return {}
        if document.get("fields") != list(ManifestEntry._fields):
            return {}
        return {path: ManifestEntry(*row) for path, row in document["files"].items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}


def reconcile(listing, manifest, verify_unlisted):
    """Live state from a listing ({path: fingerprint}) and the manifest.

    ``verify_unlisted(path, fingerprint)`` returns a LiveEntry for a listed file
    whose manifest entry is missing or does not match.
    """
    state = {}
    for path, fingerprint in listing.items():
        entry = manifest.get(path)
        if entry is not None and entry.sha256 is not None and entry.fingerprint == fingerprint:
            state[path] = entry.as_live()
        else:
            state[path] = verify_unlisted(path, fingerprint)
    return state
