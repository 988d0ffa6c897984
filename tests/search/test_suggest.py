"""Suggestions while typing: phrases and titles for a folded prefix, and /api/suggest."""

import json

import pytest

from search.api import SearchAPI
from search.backends.embedded import TantivyBackend
from search.indexing import update_site
from search.sites import SitesDirectory
from search.suggest import common_phrases, query_words, suggestions

from .conftest import SITES, make_record

TITLES = [
    "Quy hoạch sử dụng đất huyện Nghi Lộc",
    "Điều chỉnh quy hoạch sử dụng đất năm 2025",
    "Công bố quy hoạch sử dụng đất thành phố Vinh",
    "Quy hoạch đô thị Cửa Lò",
    "Quy định về phí thẩm định",
]


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    backend = TantivyBackend(tmp_path_factory.mktemp("suggest") / "index")
    records = [make_record("portal", i, title) for i, title in enumerate(TITLES, start=1)]
    records.append(make_record("portal", 9, "Land use planning of Vinh city", lang="en"))
    update_site("portal", records, SITES[0]["base_url"], "Cổng", backend=backend)
    update_site(
        "so-khdt",
        [make_record("so-khdt", 31, "Quy hoạch tổng thể khu kinh tế")],
        SITES[1]["base_url"],
        "Sở",
        backend=backend,
    )
    yield backend
    backend.close()


def texts(found):
    return [item["text"] for item in found]


def test_a_folded_prefix_suggests_the_common_phrase_first(backend):
    found = suggestions(backend, "quy ho")
    assert found[0] == {"text": "quy hoạch sử dụng đất", "url": None}
    assert len(found) <= 8
    titles = [item for item in found if item["url"]]
    assert titles and all(item["url"].startswith("https://") for item in titles)
    assert "Quy định về phí thẩm định" not in texts(found), "'ho' is a prefix, 'dinh' is not"


def test_accents_and_case_do_not_matter(backend):
    assert texts(suggestions(backend, "QUY HOẠ"))[0] == "quy hoạch sử dụng đất"
    assert "Quy hoạch đô thị Cửa Lò" in texts(suggestions(backend, "quy hoach do"))


def test_site_and_language_narrow_the_suggestions(backend):
    assert texts(suggestions(backend, "quy hoach", site="so-khdt")) == [
        "Quy hoạch tổng thể khu kinh tế"
    ]
    english = suggestions(backend, "land u", lang="en")
    assert texts(english) == ["Land use planning of Vinh city"]
    assert suggestions(backend, "land u", lang="vi") == []


def test_too_short_or_empty_prefixes_suggest_nothing(backend):
    assert suggestions(backend, "q") == []
    assert suggestions(backend, "  *  ") == []


def test_common_phrases_keep_the_longest_of_equal_frequency():
    titles = ["Quy hoạch sử dụng đất A", "Quy hoạch sử dụng đất B", "Quy hoạch vùng"]
    assert common_phrases(titles, query_words("quy h")) == ["quy hoạch sử dụng đất", "quy hoạch"]


@pytest.fixture(scope="module")
def api(backend, tmp_path_factory):
    sites = tmp_path_factory.mktemp("dist") / "sites.json"
    sites.write_text(json.dumps(SITES), encoding="utf-8")
    return SearchAPI(backend=backend, sites=SitesDirectory(sites))


def call(app, query):
    captured = {}

    def start_response(status, headers):
        captured["status"], captured["headers"] = status, dict(headers)

    body = b"".join(app({"PATH_INFO": "/api/suggest", "QUERY_STRING": query}, start_response))
    return captured["status"], captured["headers"], json.loads(body)


def test_the_endpoint_answers_the_agreed_shape(api):
    status, headers, body = call(api, "q=quy+ho&site=portal&lang=vi")
    assert status == "200 OK"
    assert body["query"] == "quy ho"
    assert body["suggestions"][0] == {"text": "quy hoạch sử dụng đất", "url": None}
    assert all(set(item) == {"text", "url"} for item in body["suggestions"])
    assert headers["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    ("query", "param"), [("q=", "q"), ("q=quy&site=nowhere", "site"), ("q=quy&lang=fr", "lang")]
)
def test_the_endpoint_refuses_bad_parameters(api, query, param):
    status, _headers, body = call(api, query)
    assert status == "400 Bad Request" and body["error"]["param"] == param
