# ruff: noqa: F811 - pytest fixtures imported from onsave_support are parameters here
"""Publish on save after the first build: incremental builds, partial publishes, retries.

Real publishes through Wagtail, the immediate task backend, real builds, a
real folder target and the SQLite search backend; the "unreachable search"
case points the Elasticsearch backend at a closed loopback port.
"""

import socket

from cms.publishing.models import BuildRun
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.pending import is_pending

from .onsave_support import (  # noqa: F401 - fixtures
    add_article,
    build_dirs,
    immediate_tasks,
    publish,
)

Status = BuildRun.Status


def latest(slug):
    return BuildRun.objects.filter(site_slug=slug).latest("pk")


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_second_publish_builds_and_sends_only_what_changed(
    make_department, build_dirs, immediate_tasks, django_capture_on_commit_callbacks
):
    department = make_department("so-j")
    first = add_article(department, "dau-tien")
    with django_capture_on_commit_callbacks(execute=True):
        publish(first)
    initial = latest("so-j")
    assert initial.status == Status.SUCCEEDED and initial.files_uploaded > 20

    second = add_article(department, "thu-hai")
    with django_capture_on_commit_callbacks(execute=True):
        publish(second)
    run = latest("so-j")
    assert run.status == Status.SUCCEEDED, run.error
    assert (build_dirs / "www/so-j/vi/tin-tuc/thu-hai/index.html").is_file()
    # its page, the listing, home, feeds, JSON, sitemap: a handful, not the site
    assert 0 < run.files_uploaded < initial.files_uploaded / 2
    assert set(run.timings) == {"build", "publish", "save_state", "index"}
    backend = get_backend()
    try:
        hits = backend.search(SearchRequest(text="thu-hai", site="so-j")).hits
    finally:
        backend.close()
    assert any("thu-hai" in hit["url"] for hit in hits), hits


def test_an_unreachable_search_backend_leaves_the_page_live_and_is_caught_up(
    make_department, build_dirs, immediate_tasks, settings, django_capture_on_commit_callbacks
):
    department = make_department("so-k")
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    page = add_article(department, "tim-kiem-hong")
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    run = latest("so-k")
    assert run.status == Status.SUCCEEDED, run.error
    assert run.warning  # shown in the Publishing view
    assert (build_dirs / "www/so-k/vi/tin-tuc/tim-kiem-hong/index.html").is_file()
    assert is_pending(build_dirs / "var", "so-k")

    settings.ELASTICSEARCH_URL = ""  # the backend is back (SQLite here)
    other = add_article(department, "tim-kiem-lai")
    with django_capture_on_commit_callbacks(execute=True):
        publish(other)
    assert latest("so-k").warning == ""
    assert not is_pending(build_dirs / "var", "so-k")
    backend = get_backend()
    try:
        urls = [h["url"] for h in backend.search(SearchRequest(text="Bài", site="so-k")).hits]
    finally:
        backend.close()
    assert any("tim-kiem-hong" in url for url in urls), urls  # the missed update caught up


def test_after_a_failed_publish_the_next_one_sends_everything_left_behind(
    make_department, build_dirs, immediate_tasks, settings, django_capture_on_commit_callbacks
):
    department = make_department("so-l")
    first = add_article(department, "mot")
    with django_capture_on_commit_callbacks(execute=True):
        publish(first)
    assert latest("so-l").status == Status.SUCCEEDED

    good_target = settings.PUBLISH_TARGET
    settings.PUBLISH_TARGET = "ftp://nowhere.invalid/www"
    second = add_article(department, "hai")
    with django_capture_on_commit_callbacks(execute=True):
        publish(second)
    assert latest("so-l").status == Status.FAILED
    assert not (build_dirs / "www/so-l/vi/tin-tuc/hai/index.html").exists()

    settings.PUBLISH_TARGET = good_target
    third = add_article(department, "ba")
    with django_capture_on_commit_callbacks(execute=True):
        publish(third)
    assert latest("so-l").status == Status.SUCCEEDED
    for slug in ("mot", "hai", "ba"):  # "hai" was built but never sent: sent now
        assert (build_dirs / f"www/so-l/vi/tin-tuc/{slug}/index.html").is_file(), slug


def test_a_one_article_edit_writes_a_handful_of_objects_to_s3(
    make_department,
    build_dirs,
    immediate_tasks,
    settings,
    monkeypatch,
    proxy,
    bucket,
    direct_s3,
    aws_env,
    django_capture_on_commit_callbacks,
):
    """Through moto's S3 server over HTTP (behind a counting proxy): the first publish
    sends the site, an edit of one article only what that edit changed."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.url)
    settings.PUBLISH_TARGET = f"s3://{bucket}/sites"
    department = make_department("so-m")
    article = add_article(department, "bai-s3")
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    first = latest("so-m")
    assert first.status == Status.SUCCEEDED, first.error
    listed = direct_s3.list_objects_v2(Bucket=bucket, Prefix="sites/so-m/")["KeyCount"]
    assert first.files_uploaded > 20 and listed >= first.files_uploaded

    proxy.reset_counts()
    article.title = "Bài trên S3 đã sửa"
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    run = latest("so-m")
    assert run.status == Status.SUCCEEDED, run.error
    puts = proxy.count("PUT", excluding=".cong-manifest.json")
    assert puts == run.files_uploaded
    assert 0 < puts <= 12, puts  # page, listing, home, feeds, JSON, sitemap
    body = direct_s3.get_object(Bucket=bucket, Key="sites/so-m/vi/tin-tuc/bai-s3/index.html")
    assert "Bài trên S3 đã sửa" in body["Body"].read().decode("utf-8")
