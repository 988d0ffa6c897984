"""The CMS database goes away: the published sites and the search API do not notice.

With the site built and indexed, the serving processes (`python -m search.api`
and `manage.py serve_sites`) are started with a DATABASE_URL that cannot be
reached: a PostgreSQL port nothing listens on, or a SQLite file in a folder that
does not exist. Each case first proves that the CMS itself is down with that
setting (a build fails), so the serving processes really run without it.
"""

import json
from urllib.parse import urlencode

import pytest

from .conftest import SLUG, closed_port, http_get, start_search_api, start_static_server


def unreachable_database(kind, tmp_path):
    if kind == "postgres-port-closed":
        return f"postgres://postgres@127.0.0.1:{closed_port()}/cong"
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"


@pytest.mark.parametrize("kind", ["postgres-port-closed", "sqlite-file-missing"])
def test_search_and_static_pages_are_served_without_the_database(
    built_project, processes, tmp_path, kind
):
    env = built_project.environ(DATABASE_URL=unreachable_database(kind, tmp_path))

    # The CMS is really down with this setting (into a scratch folder: the live
    # output must not be touched by this check).
    scratch = {"DIST_DIR": str(tmp_path / "scratch-dist"), "VAR_DIR": str(tmp_path / "scratch")}
    down = built_project.manage(
        "build_sites",
        "--site",
        SLUG,
        "--no-index",
        check=False,
        DATABASE_URL=env["DATABASE_URL"],
        **scratch,
    )
    assert down.returncode != 0
    assert "django.db.utils.OperationalError" in down.stderr  # for that reason, not another
    assert not (tmp_path / "scratch-dist" / SLUG).exists()

    search = start_search_api(processes, env)
    static = start_static_server(processes, env)

    for query, lang in (("đầu tư", "vi"), ("dau tu", "vi"), ("investment", "en")):
        status, _, body = http_get(f"{search}/api/search?{urlencode({'q': query, 'lang': lang})}")
        assert status == 200, body
        answer = json.loads(body)
        assert answer["total"] > 0, query
        assert {hit["site"] for hit in answer["results"]} == {SLUG}
        assert {hit["lang"] for hit in answer["results"]} == {lang}
    status, _, body = http_get(f"{search}/api/health")
    assert status == 200 and json.loads(body)["documents"] > 0

    for path, file in (
        ("vi/", "vi/index.html"),
        ("en/", "en/index.html"),
        ("vi/tin-tuc/", "vi/tin-tuc/index.html"),
        ("sitemap.xml", "sitemap.xml"),
    ):
        status, headers, body = http_get(f"{static}/{SLUG}/{path}")
        assert status == 200, path
        assert body == (built_project.dist / SLUG / file).read_bytes(), path
        assert "Content-Security-Policy" in headers
    # A page found by the search is served too.
    status, _, body = http_get(f"{search}/api/search?{urlencode({'q': 'đầu tư', 'lang': 'vi'})}")
    url = json.loads(body)["results"][0]["url"]
    assert url.startswith(f"http://127.0.0.1:8080/{SLUG}/vi/")
    status, _, page = http_get(static + url.removeprefix("http://127.0.0.1:8080"))
    assert status == 200 and b"<html" in page
