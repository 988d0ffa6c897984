"""Best bets in the CMS (department isolation, validation, export) and the statistics view."""

import datetime
import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.searchpromotions.export import export_best_bets
from cms.searchpromotions.models import BestBet
from search.stats import QueryStats

from .feedback_support import make_user


@pytest.fixture
def two_departments(make_department, settings, tmp_path):
    settings.DIST_DIR = tmp_path / "dist"
    settings.DIST_DIR.mkdir()
    a = make_department("so-a", "Sở A", "Department A")
    b = make_department("so-b", "Sở B", "Department B")
    sites = [
        {"slug": "so-a", "base_url": "https://a.example.gov.vn", "name_vi": "Sở A"},
        {"slug": "so-b", "base_url": "https://b.example.gov.vn", "name_vi": "Sở B"},
    ]
    (settings.DIST_DIR / "sites.json").write_text(json.dumps(sites), encoding="utf-8")
    return {
        "a": a,
        "b": b,
        "mod_a": make_user("mod_a", a.moderators_group),
        "editor_b": make_user("editor_b", b.editors_group),
        "home_a": a.site.root_page,
        "home_b": b.site.root_page,
    }


def form_data(department, page, **overrides):
    data = {
        "department": str(department.pk),
        "query_terms": "Quy hoạch\nquy hoach tinh",
        "page": str(page.pk),
        "description": "Bản đồ quy hoạch",
        "starts_on": "",
        "ends_on": "",
    }
    data.update(overrides)
    return data


def test_editor_pins_a_page_of_their_own_site_and_it_is_exported(
    client, two_departments, django_capture_on_commit_callbacks, settings
):
    d = two_departments
    client.force_login(d["mod_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("best_bets:add"), form_data(d["a"], d["home_a"]))
    assert response.status_code == 302, response.content.decode()[:2000]
    bet = BestBet.objects.get()
    assert bet.department == d["a"] and bet.terms() == ["Quy hoạch", "quy hoach tinh"]
    exported = json.loads((settings.DIST_DIR / "best-bets.json").read_text("utf-8"))
    entries = exported["best_bets"]
    assert {e["lang"] for e in entries} == {"vi", "en"}  # the home page and its translation
    vi = next(e for e in entries if e["lang"] == "vi")
    assert vi["url"] == "https://a.example.gov.vn/vi/" and vi["site"] == "so-a"
    assert vi["terms"] == ["Quy hoạch", "quy hoach tinh"] and vi["title"]


def test_a_page_of_another_site_or_bad_dates_are_refused(client, two_departments):
    d = two_departments
    client.force_login(d["mod_a"])
    response = client.post(reverse("best_bets:add"), form_data(d["a"], d["home_b"]))
    assert response.status_code == 200
    assert "Hãy chọn một trang thuộc trang thông tin này." in response.content.decode()
    response = client.post(
        reverse("best_bets:add"),
        form_data(d["a"], d["home_a"], starts_on="2026-02-01", ends_on="2026-01-01"),
    )
    assert response.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu." in response.content.decode()
    # another department cannot be chosen at all
    response = client.post(reverse("best_bets:add"), form_data(d["b"], d["home_b"]))
    assert response.status_code == 200
    assert not BestBet.objects.exists()


def test_departments_see_and_change_only_their_own_best_bets(client, two_departments):
    d = two_departments
    own = BestBet.objects.create(department=d["a"], query_terms="thuế", page=d["home_a"])
    other = BestBet.objects.create(department=d["b"], query_terms="đất đai", page=d["home_b"])
    client.force_login(d["mod_a"])
    listing = client.get(reverse("best_bets:index")).content.decode()
    assert "thuế" in listing and "đất đai" not in listing
    assert client.get(reverse("best_bets:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("best_bets:edit", args=[other.pk])).status_code == 404
    posted = client.post(
        reverse("best_bets:edit", args=[other.pk]), form_data(d["b"], d["home_b"], query_terms="x")
    )
    assert posted.status_code == 404
    assert client.post(reverse("best_bets:delete", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.query_terms == "đất đai"
    client.force_login(d["editor_b"])
    listing = client.get(reverse("best_bets:index")).content.decode()
    assert "đất đai" in listing and "thuế" not in listing


def test_export_leaves_out_ended_and_unpublished_pins_and_keeps_dates(two_departments, tmp_path):
    d = two_departments
    BestBet.objects.create(
        department=d["a"],
        query_terms="cũ",
        page=d["home_a"],
        ends_on=datetime.date.today() - datetime.timedelta(days=1),
    )
    BestBet.objects.create(
        department=d["a"],
        query_terms="sắp tới",
        page=d["home_a"],
        starts_on=datetime.date(2999, 1, 1),
    )
    en_home = Page.objects.get(
        translation_key=d["home_b"].translation_key, locale__language_code="en"
    )
    en_home.unpublish()
    BestBet.objects.create(department=d["b"], query_terms="b", page=d["home_b"])
    path, count = export_best_bets(tmp_path / "out.json")
    entries = json.loads(path.read_text("utf-8"))["best_bets"]
    assert {tuple(e["terms"]) for e in entries} == {("sắp tới",), ("b",)}
    assert {e["start"] for e in entries if e["terms"] == ["sắp tới"]} == {"2999-01-01"}
    assert [e["lang"] for e in entries if e["terms"] == ["b"]] == ["vi"]  # en is not live
    assert count == len(entries) == 3


def test_statistics_view_shows_own_site_only(client, two_departments, tmp_path, monkeypatch):
    d = two_departments
    path = tmp_path / "stats.sqlite3"
    monkeypatch.setenv("SEARCH_STATS_PATH", str(path))
    stats = QueryStats(path)
    for text, site, total in [
        ("Quy hoạch", "so-a", 4),
        ("quy hoach", "so-a", 4),
        ("giấy phép xyz", "so-a", 0),
        ("bí mật của B", "so-b", 0),
    ]:
        stats.record(text, site, "vi", total)
    stats.flush()
    client.force_login(d["mod_a"])
    response = client.get(reverse("search_statistics"))
    html = response.content.decode()
    assert response.status_code == 200
    top = html.split('id="top-queries"', 1)[1].split("</table>", 1)[0]
    assert "quy hoach" in top and "<td>2</td>" in top
    missing = html.split('id="no-result-queries"', 1)[1].split("</table>", 1)[0]
    assert "giay phep xyz" in missing
    assert "bi mat cua b" not in html
    for site in ("so-b", ""):  # another site, or every site (not a portal editor): refused
        refused = client.get(reverse("search_statistics"), {"site": site})
        assert refused.status_code in (302, 403)  # Wagtail turns 403 into a redirect + message
        assert "bi mat cua b" not in refused.content.decode()
    client.force_login(d["editor_b"])
    html = client.get(reverse("search_statistics")).content.decode()
    assert "bi mat cua b" in html and "quy hoach" not in html


def test_statistics_view_needs_a_department(client, db):
    client.force_login(make_user("nobody"))
    assert client.get(reverse("search_statistics")).status_code in (302, 403)
