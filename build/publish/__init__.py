"""Publish targets: sync a site's build output (dist/<slug>/) to a folder or to S3.

The API other parts of Cổng call::

    from build.publish import open_target, publish_site

    target = open_target("s3://bucket/prefix")          # or a folder path
    result = publish_site(dist / slug, slug, target,
                          redirects={"/vi/tin-tuc/cu/": "https://…/vi/tin-tuc/moi/"},
                          known_hashes=None, dry_run=False)
    result.uploaded, result.unchanged, result.deleted, result.bytes, result.seconds

publish_site raises PublishError (step, site, file; never credentials) and
leaves the live site consistent; running it again finishes the job.
"""

from pathlib import Path
from urllib.parse import urlsplit

from .base import PublishError, PublishResult, PublishTarget, TargetError
from .local import LocalFolderTarget
from .sync import publish_site

__all__ = [
    "LocalFolderTarget",
    "PublishError",
    "PublishResult",
    "PublishTarget",
    "TargetError",
    "open_target",
    "publish_site",
]


def open_target(spec, **s3_options):
    """A target from its spec: ``s3://bucket[/prefix]``, ``file:///path`` or a folder path.

    ``s3_options`` go to S3Target (client, endpoint_url, max_attempts,
    extra_retries, backoff_seconds, trust_manifest, max_workers).
    """
    spec = str(spec).strip()
    if not spec:
        raise ValueError("empty publish target")
    parts = urlsplit(spec)
    if parts.scheme == "s3":
        if not parts.netloc:
            raise ValueError(f"publish target {spec!r} has no bucket (s3://bucket/prefix)")
        from .s3 import S3Target  # boto3 is only imported when S3 is used

        return S3Target(parts.netloc, parts.path.strip("/"), **s3_options)
    if parts.scheme == "file":
        return LocalFolderTarget(Path(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # not a Windows drive letter
        raise ValueError(
            f"unknown publish target {spec!r}: use a folder path or s3://bucket/prefix"
        )
    return LocalFolderTarget(Path(spec))
