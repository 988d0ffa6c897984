"""manage.py import_content: JSON Lines, RSS and Atom into a site's news section."""

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from cms.news.models import NewsArticlePage

DATA = Path(__file__).parent / "data"
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def department(make_department):
    return make_department("so-ct", "Sở Công Thương", "Department of Industry and Trade")


def run_import(path, *args, site="so-ct", locale="vi"):
    """Run the command; return (stdout, stderr, CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "import_content", str(path), *args, site=site, locale=locale, stdout=out, stderr=err
        )
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def articles(department, language="vi"):
    root = department.site.root_page
    return NewsArticlePage.objects.descendant_of(
        root.get_translations(inclusive=True).get(locale__language_code=language)
    )


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n")
    return path


def row(**fields):
    base = {
        "source_url": "https://old.longan.gov.vn/tin/1",
        "lang": "vi",
        "kind": "news",
        "title": "Tin cũ",
        "summary": "Tóm tắt",
        "body_html": "<p>Nội dung</p>",
        "published_at": "2025-03-01T08:00:00+07:00",
    }
    return {**base, **fields}


def test_jsonl_reports_bad_lines_by_number_and_imports_the_rest(department):
    out, err, error = run_import(DATA / "news_import.jsonl")

    assert error is not None and error.returncode != 0
    assert "line 2: not valid JSON" in err
    assert "line 3: title is missing" in err
    assert "line 6: source_url 'not a url' is not an http(s) URL" in err
    assert "line 7: published_at '14/03/2025' is not an ISO 8601 date" in err
    assert "line 5: skipped: lang 'en'" in out
    assert "2 created, 0 updated, 0 unchanged, 1 skipped, 4 failed" in out
    imported = {page.source_url: page for page in articles(department)}
    assert set(imported) == {
        "https://old.longan.gov.vn/tin-tuc/hoi-nghi-xuc-tien-dau-tu-2025",
        "https://old.longan.gov.vn/tin-tuc/cai-cach-hanh-chinh",
    }
    first = imported["https://old.longan.gov.vn/tin-tuc/hoi-nghi-xuc-tien-dau-tu-2025"]
    assert first.title == "Hội nghị xúc tiến đầu tư năm 2025"
    assert first.slug == "hoi-nghi-xuc-tien-dau-tu-nam-2025"
    assert first.author == "Minh Tâm"
    assert not first.live, "imported articles are drafts unless --publish"
    draft = first.get_latest_revision_as_object()
    assert sorted(tag.name for tag in draft.tags.all()) == ["hội nghị", "xúc tiến đầu tư"]
    html = draft.body[0].value.source
    assert "<h3" in html and "<li" in html and "Tân An" in html
    reform = imported["https://old.longan.gov.vn/tin-tuc/cai-cach-hanh-chinh"]
    tags = sorted(tag.name for tag in reform.get_latest_revision_as_object().tags.all())
    assert tags == ["cải cách hành chính", "dịch vụ công"]


def test_reimport_updates_instead_of_duplicating(department, tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl", [row(), row(source_url="https://old.longan.gov.vn/tin/2")]
    )
    assert run_import(path)[2] is None
    assert articles(department).count() == 2

    out, _err, error = run_import(path)
    assert error is None
    assert "0 created, 0 updated, 2 unchanged" in out

    write_jsonl(
        tmp_path / "a.jsonl",
        [row(title="Tin cũ (đã sửa)"), row(source_url="https://old.longan.gov.vn/tin/2")],
    )
    out, _err, error = run_import(path)
    assert error is None
    assert "0 created, 1 updated, 1 unchanged" in out
    assert articles(department).count() == 2
    page = articles(department).get(source_url="https://old.longan.gov.vn/tin/1")
    assert page.get_latest_revision_as_object().title == "Tin cũ (đã sửa)"
    assert page.slug == "tin-cu", "a re-import keeps the URL"


def test_publish_flag_publishes_and_later_drafts_leave_live_content(department, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [row()])
    run_import(path, "--publish")
    page = articles(department).get()
    assert page.live and page.title == "Tin cũ"

    write_jsonl(path, [row(title="Bản nháp mới")])
    run_import(path)
    page.refresh_from_db()
    assert page.title == "Tin cũ", "without --publish the live article does not change"
    assert page.has_unpublished_changes


def test_body_html_is_sanitised(department, tmp_path):
    payload = (
        '<p onclick="steal()">Chào <script>alert("x")</script><b>bạn</b></p>'
        '<img src="x" onerror="alert(1)">'
        '<a href="javascript:alert(1)">độc</a> '
        '<a href="https://ok.example/a" style="color:red">tốt</a>'
        '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>'
        '<div style="position:fixed">khung</div><h1>Tiêu đề lớn</h1>'
    )
    path = write_jsonl(
        tmp_path / "x.jsonl", [row(body_html=payload, title="<b>Tiêu đề</b><script>x</script>")]
    )
    assert run_import(path)[2] is None
    page = articles(department).get().get_latest_revision_as_object()
    html = page.body[0].value.source
    for bad in (
        "script",
        "alert",
        "onclick",
        "onerror",
        "javascript:",
        "style",
        "iframe",
        "<img",
        "evil",
    ):
        assert bad not in html, bad
    assert '<a href="https://ok.example/a">tốt</a>' in html
    assert "<b>bạn</b>" in html and "khung" in html
    assert "<h2" in html and "Tiêu đề lớn" in html
    assert page.title == "Tiêu đề"


def test_dates_with_and_without_timezone(department, tmp_path):
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [
            row(source_url="https://old.longan.gov.vn/naive", published_at="2025-03-01T08:00:00"),
            row(source_url="https://old.longan.gov.vn/utc", published_at="2025-03-01T01:00:00Z"),
            row(source_url="https://old.longan.gov.vn/date", published_at="2025-03-02"),
        ],
    )
    assert run_import(path)[2] is None
    dates = {
        page.source_url.rsplit("/", 1)[1]: page.published_date for page in articles(department)
    }
    assert dates["naive"] == datetime(2025, 3, 1, 8, 0, tzinfo=VN)
    assert dates["utc"] == datetime(2025, 3, 1, 1, 0, tzinfo=UTC)
    assert dates["naive"] == dates["utc"]
    assert dates["date"] == datetime(2025, 3, 2, 0, 0, tzinfo=VN)


def test_rss_feed(department):
    out, err, error = run_import(DATA / "news_import.rss")
    assert error is None, err
    assert "2 created" in out
    pages = {page.source_url: page for page in articles(department)}
    fair = pages["https://old-soct.longan.gov.vn/tin/hoi-cho-hang-viet"]
    assert fair.published_date == datetime(2025, 3, 4, 2, 15, tzinfo=UTC)
    # A one-paragraph description is the summary; the body does not repeat it.
    assert fair.summary == "Hội chợ có 120 gian hàng." and len(fair.body) == 0
    assert sorted(t.name for t in fair.get_latest_revision_as_object().tags.all()) == [
        "hội chợ",
        "thương mại",
    ]
    exports = pages["https://old-soct.longan.gov.vn/tin/xuat-khau-thang-2"]
    assert exports.published_date == datetime(2025, 2, 28, 9, 0, tzinfo=VN)
    assert exports.summary == "Kim ngạch xuất khẩu tháng 2 tăng 15%."


def test_atom_feed_and_reimport(department):
    out, _err, error = run_import(DATA / "news_import.atom")
    assert error is None and "2 created" in out
    pages = {page.source_url: page for page in articles(department)}
    entry = pages["https://old-bql.longan.gov.vn/tin/tan-duc-nha-dau-tu-moi"]
    assert entry.author == "Bảo Ngọc"
    assert entry.summary == "Hai dự án mới với tổng vốn 50 triệu USD."
    assert entry.published_date == datetime(2025, 3, 5, 3, 0, tzinfo=UTC)
    html = entry.body[0].value.source
    assert '<a href="https://example.org/du-an">đã được cấp phép</a>' in html
    assert "onclick" not in html and "iframe" not in html
    training = pages["https://old-bql.longan.gov.vn/tin/tap-huan"]
    assert training.published_date == datetime(2025, 2, 27, 8, 0, tzinfo=UTC)

    out, _err, error = run_import(DATA / "news_import.atom")
    assert error is None and "0 created, 0 updated, 2 unchanged" in out
    assert articles(department).count() == 2


def test_english_locale_imports_into_the_english_tree(department, tmp_path):
    path = write_jsonl(tmp_path / "en.jsonl", [row(lang="en", title="Old English news")])
    out, _err, error = run_import(path, locale="en")
    assert error is None and "1 created" in out
    assert articles(department, "en").get().title == "Old English news"
    assert not articles(department, "vi").exists()


def test_local_images_are_imported_and_remote_ones_skipped(department, tmp_path):
    PILImage.new("RGB", (64, 48), (200, 40, 40)).save(tmp_path / "anh.png")
    shutil.copy(tmp_path / "anh.png", tmp_path / "copy.png")
    path = write_jsonl(
        tmp_path / "i.jsonl",
        [
            row(source_url="https://old.longan.gov.vn/a", image_url="anh.png"),
            row(
                source_url="https://old.longan.gov.vn/b",
                image_url=f"file://{tmp_path / 'copy.png'}",
            ),
            row(
                source_url="https://old.longan.gov.vn/c",
                image_url="https://old.longan.gov.vn/anh.jpg",
            ),
            row(source_url="https://old.longan.gov.vn/d", image_url="missing.png"),
        ],
    )
    out, _err, error = run_import(path)
    assert error is None, "image problems are notes, not failures"
    assert "line 3: image https://old.longan.gov.vn/anh.jpg not fetched" in out
    assert "line 4: image" in out and "missing.png not read" in out
    pages = {page.source_url[-1]: page for page in articles(department)}
    assert len(pages) == 4
    assert pages["a"].hero_image is not None
    assert pages["a"].hero_image.collection == department.collection
    assert pages["a"].hero_alt
    assert pages["b"].hero_image == pages["a"].hero_image, "same file, same image"
    assert pages["c"].hero_image is None and pages["d"].hero_image is None


def test_invalid_site_locale_or_file(department, tmp_path):
    with pytest.raises(CommandError, match="Unknown --site 'nowhere'"):
        call_command("import_content", str(DATA / "news_import.rss"), site="nowhere", locale="vi")
    with pytest.raises(CommandError, match="Unknown --locale 'fr'"):
        call_command("import_content", str(DATA / "news_import.rss"), site="so-ct", locale="fr")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_content", str(tmp_path / "none.jsonl"), site="so-ct", locale="vi")
    (tmp_path / "latin1.jsonl").write_bytes('{"title": "Hội"}'.encode("utf-16"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_content", str(tmp_path / "latin1.jsonl"), site="so-ct", locale="vi")
