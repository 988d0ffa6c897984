"""Elasticsearch unreachable: the search API answers 503 cleanly, a build still succeeds.

The backend is pointed at a loopback port nothing listens on, so every call
fails with "connection refused", as when the cluster is down. (Retrying the
index update later is cms/publishing/tasks.py's job, tested there.)
"""

import json
from urllib.parse import urlencode

from .conftest import ARTICLES, SLUG, closed_port, http_get, start_search_api


def test_the_api_answers_503_json_without_internals(built_project, processes):
    port = closed_port()
    env = built_project.environ(ELASTICSEARCH_URL=f"http://127.0.0.1:{port}")
    base = start_search_api(processes, env)

    for query in ("đầu tư", "investment", "quyết định 12/QĐ-UBND"):
        status, headers, body = http_get(f"{base}/api/search?{urlencode({'q': query})}")
        assert status == 503, body
        assert headers["Content-Type"].startswith("application/json")
        assert headers["Retry-After"] == "30"
        assert headers.get("Cache-Control") == "no-store"
        assert json.loads(body) == {
            "error": {"code": "unavailable", "message": "search is unavailable"}
        }
        text = body.decode()
        for leak in ("Traceback", "127.0.0.1", str(port), "lasticsearch", "onnection"):
            assert leak not in text

    status, _, body = http_get(f"{base}/api/health")
    assert status == 503 and json.loads(body) == {"status": "unavailable"}
    # Bad input is still a 400, not a 503: validation does not need the backend.
    status, _, body = http_get(f"{base}/api/search?q=")
    assert status == 400 and json.loads(body)["error"]["param"] == "q"


def test_a_build_with_the_backend_down_succeeds_and_warns(built_project, tmp_path):
    project = built_project.copy(tmp_path / "copy")
    project.dist.joinpath(SLUG).rename(tmp_path / "previous-output")  # the build must write it
    env = {"ELASTICSEARCH_URL": f"http://127.0.0.1:{closed_port()}"}

    result = project.manage("build_sites", "--site", SLUG, check=False, **env)

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Built 1 of 1 sites" in result.stdout
    assert "Search index not updated" in result.stderr
    assert "run `manage.py index_search` later" in result.stderr
    assert (project.dist / SLUG / "vi/index.html").is_file()
    assert (project.dist / SLUG / "en/index.html").is_file()
    assert (
        len(list((project.dist / SLUG).rglob("*.html"))) > ARTICLES
    )  # a page per article at least
    sites = json.loads((project.dist / "sites.json").read_text("utf-8"))
    assert [site["slug"] for site in sites] == [SLUG]
