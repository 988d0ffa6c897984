"""The benchmark's content generator and the render shortcuts made for large sites."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from build.export import export_site
from build.render.generator import pager
from cms.news.models import NewsArticlePage


def _pager_by_looping(number, count):
    """What listing.html did before: visit every page number of the listing."""
    shown = []
    for n in range(1, count + 1):
        if n in (1, count) or abs(n - number) <= 2:
            shown.append(n)
        elif abs(n - number) == 3:
            shown.append(None)
    return shown


def test_pager_shows_the_same_links_as_looping_over_every_page():
    for count in range(1, 40):
        for number in range(1, count + 1):
            assert pager(number, count) == _pager_by_looping(number, count), (number, count)
    assert pager(400, 834) == [1, None, 398, 399, 400, 401, 402, None, 834]


@pytest.mark.django_db
def test_generate_bench_content_makes_bilingual_live_articles(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("generate_bench_content", articles=20, site="bench-t")

    articles = NewsArticlePage.objects.live()
    vi = articles.filter(locale__language_code="vi")
    en = articles.filter(locale__language_code="en")
    assert vi.count() == en.count() == 10
    assert set(vi.values_list("translation_key", flat=True)) == set(
        en.values_list("translation_key", flat=True)
    )

    records = export_site(
        "bench-t", tmp_path / "out", base_urls={"bench-t": "http://127.0.0.1:8080/bench-t"}
    )
    news = [r for r in records if r["kind"] == "news"]
    assert len(news) == 20
    assert {r["lang"] for r in news} == {"vi", "en"}
    words = len(news[0]["body_html"].split())
    assert 650 <= words <= 760, words
    assert all(r["translations"] for r in news)  # each article links to its translation
    assert all(r["categories"] for r in news)

    # a second run with the same size does nothing; another size is refused
    call_command("generate_bench_content", articles=20, site="bench-t", if_missing=True)
    assert NewsArticlePage.objects.count() == 20
    with pytest.raises(CommandError, match="already exists"):
        call_command("generate_bench_content", articles=40, site="bench-t", if_missing=True)
