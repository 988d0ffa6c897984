"""MEDIA_STORAGE=s3: the CMS keeps images and documents in an S3 bucket (moto's real server).

Run in a subprocess so that cms/settings.py reads the environment as in production.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest

from .conftest import ACCESS_KEY, SECRET_KEY

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
name = default_storage.save("documents/quy-hoạch.pdf", ContentFile(b"%PDF-1.4 test"))
again = default_storage.save("documents/quy-hoạch.pdf", ContentFile(b"%PDF-1.4 other"))
with default_storage.open(name, "rb") as fh:
    body = fh.read()
print(json.dumps({
    "backend": settings.STORAGES["default"]["BACKEND"],
    "name": name, "again": again, "body": body.decode(),
    "size": default_storage.size(name),
    "modified": default_storage.get_modified_time(name).isoformat(),
}))
"""


def run_cms(env):
    full_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DEBUG": "1",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=PROJECT_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_media_go_to_the_bucket_named_by_the_environment(moto_url, aws_env, tmp_path):
    bucket = f"media-{uuid.uuid4().hex[:8]}"
    s3 = boto3.client("s3", endpoint_url=moto_url, region_name="us-east-1")
    s3.create_bucket(Bucket=bucket)

    result = run_cms(
        {
            "MEDIA_STORAGE": "s3",
            "MEDIA_S3_BUCKET": bucket,
            "MEDIA_S3_ENDPOINT_URL": moto_url,
            "MEDIA_S3_REGION": "us-east-1",
            "MEDIA_S3_ADDRESSING_STYLE": "path",
            "MEDIA_ROOT": str(tmp_path / "local-media"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }
    )

    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["backend"] == "storages.backends.s3.S3Storage"
    assert out["body"] == "%PDF-1.4 test" and out["size"] == 13
    assert out["again"] != out["name"]  # a second upload never overwrites the first
    keys = {obj["Key"] for obj in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert keys == {f"media/{out['name']}", f"media/{out['again']}"}
    assert not (tmp_path / "local-media").exists()  # nothing written on this host
    assert SECRET_KEY not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'local' or 's3'"),
    ],
)
def test_a_wrong_media_configuration_stops_the_cms_with_a_clear_message(env, message):
    result = run_cms(env)

    assert result.returncode != 0
    assert message in result.stderr
