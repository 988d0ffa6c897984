"""S3 (or any S3-compatible store: MinIO, Ceph, R2…) as publish target.

Objects live at ``<prefix>/<slug>/<path>``.  Credentials, region and endpoint
come from the standard AWS environment (``AWS_ACCESS_KEY_ID``…,
``AWS_ENDPOINT_URL`` or ``AWS_ENDPOINT_URL_S3`` for a non-AWS store) unless a
client or endpoint is passed in.

The fingerprint of a stored object is its ETag.  Each upload also stores the
sha256 in the object's metadata (``x-amz-meta-sha256``) for people and tools;
the publish itself reads hashes from the manifest (state.py explains why).

Retries: botocore's "standard" mode retries throttling and transient errors
with exponential backoff; on top of that, a whole operation that still fails
with a throttling or connection error is tried again ``extra_retries`` times
(``CONG_S3_EXTRA_RETRIES``, default 2) after a longer pause, which carries a
publish through a short outage.
"""

import base64
import hashlib
import os
import random
import re
import threading
import time

import boto3
import botocore.loaders
import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotoConnectionError

from .base import PublishTarget, TargetError
from .state import MANIFEST_NAME, RESERVED_PREFIX, LiveEntry, load_manifest

_RETRYABLE_CODES = {
    "SlowDown",
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequests",
    "TooManyRequestsException",
    "RequestThrottled",
    "ServiceUnavailable",
    "InternalError",
    "RequestTimeout",
}
_MISSING_CODES = {"NoSuchKey", "404", "NotFound"}
_PLAIN_MD5_ETAG = re.compile(r"[0-9a-f]{32}")
_DELETE_BATCH = 1000  # the DeleteObjects limit
_IN_MEMORY_LIMIT = 16 * 1024 * 1024
_MAX_SINGLE_PUT = 5 * 1024**3


_loader = None
_loader_lock = threading.Lock()


def _session():
    """A fresh boto3 session (credentials read now) sharing one model loader.

    Loading botocore's S3 model and endpoint data costs about half a second;
    sharing the loader makes a new target cheap, while credentials and region
    are still read from the environment each time.
    """
    global _loader
    with _loader_lock:
        if _loader is None:
            _loader = botocore.loaders.create_loader()
    core = botocore.session.get_session()
    core.register_component("data_loader", _loader)
    return boto3.session.Session(botocore_session=core)


def make_client(*, endpoint_url=None, max_attempts=None, max_pool_connections=20):
    """A boto3 S3 client with retries, timeouts and settings that suit S3-compatible stores.

    ``max_attempts`` defaults to the standard ``AWS_MAX_ATTEMPTS`` or 5.
    """
    if max_attempts is None:
        max_attempts = int(os.environ.get("AWS_MAX_ATTEMPTS", "5"))
    endpoint_url = (
        endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    )
    config = Config(
        retries={"mode": "standard", "max_attempts": max_attempts},
        connect_timeout=5,
        read_timeout=60,
        max_pool_connections=max_pool_connections,
        # Only checksum when the API requires it: MinIO and older stores reject
        # the newer default trailing checksums; Content-MD5 covers integrity.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        # Path-style addressing works on every S3-compatible store; AWS itself
        # keeps the default (virtual-hosted) style.
        s3={"addressing_style": "path"} if endpoint_url else {},
    )
    return _session().client("s3", endpoint_url=endpoint_url or None, config=config)


class S3Target(PublishTarget):
    def __init__(
        self,
        bucket,
        prefix="",
        *,
        client=None,
        endpoint_url=None,
        max_attempts=None,
        extra_retries=None,
        backoff_seconds=2.0,
        trust_manifest=False,
        max_workers=8,
    ):
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.max_workers = max_workers
        if extra_retries is None:
            extra_retries = int(os.environ.get("CONG_S3_EXTRA_RETRIES", "2"))
        self.extra_retries = extra_retries
        self.backoff_seconds = backoff_seconds
        self.trusts_manifest = trust_manifest
        self.client = client or make_client(
            endpoint_url=endpoint_url,
            max_attempts=max_attempts,
            max_pool_connections=max(10, 2 * max_workers),
        )

    @property
    def url(self):
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"

    def site_prefix(self, slug):
        return f"{self.prefix}/{slug}/" if self.prefix else f"{slug}/"

    def key(self, slug, path):
        return self.site_prefix(slug) + path

    # -- reading -----------------------------------------------------------------

    def list_fingerprints(self, slug):
        site_prefix = self.site_prefix(slug)
        listing = {}
        request = {"Bucket": self.bucket, "Prefix": site_prefix}
        while True:
            page = self._call("list_objects_v2", **request)
            for item in page.get("Contents", ()):
                path = item["Key"][len(site_prefix) :]
                if not path or path.endswith("/") or path.startswith(RESERVED_PREFIX):
                    continue
                listing[path] = item["ETag"]
            if not page.get("IsTruncated"):
                return listing
            request["ContinuationToken"] = page["NextContinuationToken"]

    def fingerprint_of(self, slug, path):
        response = self._call(
            "head_object", path=path, missing_ok=True, Bucket=self.bucket, Key=self.key(slug, path)
        )
        return None if response is None else response["ETag"]

    def verify_unlisted(self, slug, path, fingerprint):
        etag = (fingerprint or "").strip('"')
        md5 = etag if _PLAIN_MD5_ETAG.fullmatch(etag) else None
        return LiveEntry(sha256=None, fingerprint=fingerprint, md5=md5, verified=False)

    def read_manifest(self, slug):
        response = self._call(
            "get_object", missing_ok=True, Bucket=self.bucket, Key=self.key(slug, MANIFEST_NAME)
        )
        if response is None:
            return {}
        try:
            return load_manifest(response["Body"].read())
        except (BotoCoreError, OSError) as error:
            raise TargetError(f"reading the manifest: {error}") from error

    # -- writing -----------------------------------------------------------------

    def write_manifest(self, slug, data):
        self._call(
            "put_object",
            path=MANIFEST_NAME,
            Bucket=self.bucket,
            Key=self.key(slug, MANIFEST_NAME),
            Body=data,
            ContentType="application/json; charset=utf-8",
            CacheControl="no-cache",
            ContentMD5=_content_md5(data),
        )

    def put(self, slug, source):
        if source.size > _MAX_SINGLE_PUT:
            raise TargetError(
                f"{source.size} bytes is more than one PutObject takes (5 GiB)", path=source.path
            )
        request = {
            "Bucket": self.bucket,
            "Key": self.key(slug, source.path),
            "ContentType": source.content_type,
            "CacheControl": source.cache_control,
            "Metadata": {"sha256": source.sha256},
        }
        if source.redirect:
            request["WebsiteRedirectLocation"] = self.redirect_location(slug, source.redirect)
        try:
            if source.data is not None or source.size <= _IN_MEMORY_LIMIT:
                data = source.read_bytes()
                request["ContentMD5"] = _content_md5(data)
                response = self._call("put_object", path=source.path, Body=data, **request)
            else:
                # Large documents and videos are streamed, not held in memory.
                request["ContentMD5"] = base64.b64encode(bytes.fromhex(source.md5)).decode()
                with open(source.abspath, "rb") as body:
                    response = self._call(
                        "put_object", path=source.path, rewind=body, Body=body, **request
                    )
        except OSError as error:
            raise TargetError(f"cannot read the build output: {error.strerror}") from error
        return response["ETag"]

    def redirect_location(self, slug, location):
        """S3 website redirects take a URL or a path from the bucket root.

        An absolute URL (what the incremental build passes: base URL + path)
        is kept; a site path is placed under this site's prefix, which is
        right when the bucket's website endpoint serves the whole bucket.
        """
        if location.startswith(("http://", "https://")):
            return location
        return "/" + self.site_prefix(slug) + location.lstrip("/")

    def delete(self, slug, paths):
        for start in range(0, len(paths), _DELETE_BATCH):
            batch = paths[start : start + _DELETE_BATCH]
            response = self._call(
                "delete_objects",
                path=batch[0],
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": self.key(slug, p)} for p in batch], "Quiet": True},
            )
            errors = response.get("Errors") or []
            if errors:
                first = errors[0]
                path = first.get("Key", "")[len(self.site_prefix(slug)) :]
                raise TargetError(
                    f"DeleteObjects refused {len(errors)} object(s): "
                    f"{first.get('Code')}: {first.get('Message')}",
                    path=path,
                )

    # -- one call, with our retries and a clean error ----------------------------

    def _call(self, operation, *, path=None, missing_ok=False, rewind=None, **request):
        method = getattr(self.client, operation)
        for attempt in range(self.extra_retries + 1):
            last = attempt == self.extra_retries
            if rewind is not None:
                rewind.seek(0)  # a streamed body read by a failed attempt starts again
            try:
                return method(**request)
            except ClientError as error:
                details = error.response.get("Error", {})
                code = str(details.get("Code", ""))
                status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
                if (
                    missing_ok
                    and code != "NoSuchBucket"
                    and (code in _MISSING_CODES or status == 404)
                ):
                    return None
                if (code in _RETRYABLE_CODES or status >= 500) and not last:
                    self._pause(attempt)
                    continue
                message = details.get("Message") or ""
                raise TargetError(
                    f"{_api_name(operation)} returned {code or status} {message}".strip(),
                    path=path,
                ) from error
            except (BotoConnectionError, HTTPClientError) as error:
                if not last:
                    self._pause(attempt)
                    continue
                raise TargetError(
                    f"{_api_name(operation)}: {type(error).__name__}: {error}", path=path
                ) from error
            except BotoCoreError as error:  # credentials, configuration: no point retrying
                raise TargetError(
                    f"{_api_name(operation)}: {type(error).__name__}: {error}", path=path
                ) from error
        raise AssertionError("unreachable")

    def _pause(self, attempt):
        time.sleep(self.backoff_seconds * (2**attempt) * (0.5 + random.random()))


def _content_md5(data):
    return base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode("ascii")


def _api_name(operation):
    return "".join(part.capitalize() for part in operation.split("_"))
