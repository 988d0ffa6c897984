"""The publish target interface, its errors and its result.

A target stores the files of many sites, one folder (or key prefix) per site
slug.  ``build.publish.sync.publish_site`` drives it; a target only knows how
to list, write, delete and keep its manifest, and never decides what to send.
"""

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

from .state import reconcile


class PublishError(Exception):
    """A publish that could not finish, with what it was doing when it stopped.

    The message names the site, the target, the step and the file, never a
    credential; the live site is left consistent (see sync.publish_site).
    """

    def __init__(self, reason, *, step, site=None, target=None, path=None):
        self.reason = redact(str(reason))
        self.step = step
        self.site = site
        self.target = target
        self.path = path
        super().__init__(self.describe())

    def as_dict(self):
        """What failed, JSON-serialisable (for build records and the admin view)."""
        return {
            "site": self.site,
            "target": self.target,
            "step": self.step,
            "path": self.path,
            "reason": self.reason,
            "message": self.describe(),
        }

    def describe(self):
        where = f"site {self.site!r}" if self.site else "publish"
        if self.target:
            where += f" to {self.target}"
        what = f"{self.step} {self.path!r}" if self.path else self.step
        return f"{where}: failed while {what}: {self.reason}"


class TargetError(Exception):
    """Raised by a target for one operation; the driver adds the site and step."""

    def __init__(self, reason, *, path=None):
        self.reason = redact(str(reason))
        self.path = path
        super().__init__(self.reason)


_SECRETS = (
    (re.compile(r"(?<=://)[^/@\s]+@"), "***@"),  # user:password@ in an endpoint URL
    (re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), "***"),  # AWS access key ids
    (re.compile(r"(?i)(signature|credential|x-amz-security-token)=[^&\s\"']+"), r"\1=***"),
)


def redact(text):
    """Remove anything credential-like from an error text before it is shown."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


@dataclass
class PublishResult:
    site: str
    target: str
    uploaded: int = 0
    unchanged: int = 0
    deleted: int = 0
    bytes: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    noop: str | None = None  # why nothing was done (publishing dist/ onto itself)
    plan: object = None  # the plan.SyncPlan that was carried out (or would be)

    def as_dict(self):
        """The figures, JSON-serialisable (for build records and the admin view)."""
        return {
            "site": self.site,
            "target": self.target,
            "uploaded": self.uploaded,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "dry_run": self.dry_run,
            "noop": self.noop,
        }

    def log_line(self):
        if self.noop:
            return f"publish site={self.site} target={self.target} skipped: {self.noop}"
        mode = " dry_run=yes" if self.dry_run else ""
        return (
            f"publish site={self.site} target={self.target}{mode} uploaded={self.uploaded} "
            f"unchanged={self.unchanged} deleted={self.deleted} bytes={self.bytes} "
            f"seconds={self.seconds:.3f}"
        )


class PublishTarget(ABC):
    """Where sites go live.  Subclasses: local.LocalFolderTarget, s3.S3Target."""

    #: Parallel uploads within one phase.
    max_workers = 4
    #: True: the live state is the manifest alone (no listing); see state.py.
    trusts_manifest = False

    @property
    @abstractmethod
    def url(self):
        """How the target is shown to people (never with credentials)."""

    def same_as_source(self, slug, source_dir):
        """True when the target folder of ``slug`` *is* ``source_dir`` (nothing to copy)."""
        return False

    def live_state(self, slug, manifest, paths=None):
        """{path: state.LiveEntry} of what is live for the site (only ``paths`` if given).

        ``manifest`` is what read_manifest returned.
        """
        if self.trusts_manifest:
            wanted = manifest.keys() if paths is None else [p for p in paths if p in manifest]
            return {path: manifest[path].as_live() for path in wanted}
        if paths is None:
            listing = self.list_fingerprints(slug)
        else:
            listing = {}
            for path in paths:
                fingerprint = self.fingerprint_of(slug, path)
                if fingerprint is not None:
                    listing[path] = fingerprint
        return reconcile(
            listing,
            manifest,
            lambda path, fingerprint: self.verify_unlisted(slug, path, fingerprint),
        )

    @abstractmethod
    def list_fingerprints(self, slug):
        """{path: fingerprint} of every stored file of the site (reserved names left out)."""

    @abstractmethod
    def fingerprint_of(self, slug, path):
        """The fingerprint of one stored file, or None when it is not there."""

    @abstractmethod
    def verify_unlisted(self, slug, path, fingerprint):
        """LiveEntry for a stored file the manifest does not vouch for."""

    @abstractmethod
    def read_manifest(self, slug):
        """{path: state.ManifestEntry}; empty when there is none."""

    @abstractmethod
    def write_manifest(self, slug, data):
        """Store the manifest bytes (state.dump_manifest) for the site."""

    @abstractmethod
    def put(self, slug, source):
        """Make ``source`` (plan.SourceFile) live; returns the stored object's fingerprint."""

    @abstractmethod
    def delete(self, slug, paths):
        """Remove the given files of the site; a file already gone is not an error."""
