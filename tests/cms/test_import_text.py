"""import_content from old portals: plain-text folders, and the same cleaning for feeds."""

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image as PILImage

from tests.cms.test_import_content import articles, run_import, write_jsonl

OLD_PORTAL = Path(__file__).parent / "data" / "old_portal"
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def department(make_department):
    return make_department("so-ct", "Sở Công Thương", "Department of Industry and Trade")


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "old"
    shutil.copytree(OLD_PORTAL, target)
    PILImage.new("RGB", (64, 48), (20, 90, 160)).save(target / "cau-y.png")
    return target


def test_text_folder_dry_run_import_verbose_and_reimport(department, folder):
    out, err, error = run_import(folder, "--dry-run")
    assert error is not None and error.returncode == 2
    assert "chi-rac.txt: no title: every line is page clutter" in err
    assert not articles(department).exists(), "--dry-run changes nothing"
    assert (
        "old, cau-y.txt:\n  title: Huyện X khánh thành cầu Y\n  date: 2016-03-12T08:30:00+07:00"
        in out
    )
    assert "  author: Nguyễn Văn A\n  source: baolongan.vn" in out
    assert "  image: cau-y.png (caption: Cầu Y sau khi hoàn thành.)" in out
    assert "dry run: nothing was changed" in out
    assert "cau-y.txt: 9 line(s) of page clutter dropped (--verbose lists them)" in out

    (folder / "chi-rac.txt").unlink()
    out, err, error = run_import(folder, "--verbose")
    assert error is None, err
    assert "2 created" in out
    assert "cau-y.txt: dropped language switch: Tiếng Việt | English" in out
    assert "cau-y.txt: dropped repeated paragraph: Người dân hai xã" in out
    assert "hoi-cho.txt: dropped caption without an image: Ảnh minh họa - nguồn internet." in out
    assert "hoi-cho.txt: dropped related news: Tân An có chợ đêm mới (28/02/2025)" in out

    pages = {page.source_url: page.get_latest_revision_as_object() for page in articles(department)}
    bridge = pages["https://import.invalid/so-ct/cau-y.txt"]
    assert bridge.title == "Huyện X khánh thành cầu Y"
    assert bridge.published_date == datetime(2016, 3, 12, 8, 30, tzinfo=VN)
    assert (bridge.author, bridge.source) == ("Nguyễn Văn A", "baolongan.vn")
    assert bridge.summary.startswith("Sáng nay, huyện X khánh thành cầu Y")
    assert bridge.hero_image is not None
    assert bridge.hero_caption == "Cầu Y sau khi hoàn thành."
    body = "".join(block.value.source for block in bridge.body)
    assert "Sáng nay" not in body, "the body does not repeat the summary"
    assert body.count("Cầu dài 120 m") == 1 and body.count("đi đò") == 1
    for clutter in ("Chia sẻ", "ĐÁNH GIÁ", "Theo baolongan", "thực hiện", "English"):
        assert clutter not in body

    fair = pages["https://old.longan.gov.vn/tin-tuc/hoi-cho-nong-san"]
    assert fair.published_date == datetime(2025, 3, 4, 8, 15, tzinfo=VN)
    assert (fair.author, fair.source) == ("PV", "TTXVN")
    assert fair.summary.endswith("…") and len(fair.summary) <= 300
    body = "".join(block.value.source for block in fair.body)
    assert body.startswith("<p") and "Hội chợ nông sản Long An năm 2025 khai mạc" in body
    assert "phục vụ người dân." in body, "the long lead stays whole in the body"
    assert "Ảnh minh họa" not in body and "Có thể bạn quan tâm" not in body

    out, _err, error = run_import(folder)
    assert error is None and "0 created, 0 updated, 2 unchanged" in out


def test_feeds_and_json_lines_get_the_same_cleaning(department, tmp_path):
    PILImage.new("RGB", (64, 48), (200, 40, 40)).save(tmp_path / "anh.png")
    lead = "Tỉnh khánh thành cầu Y bắc qua sông Vàm Cỏ Đông, nối hai xã ven sông."
    html = (
        "<p>Tiếng Việt | English</p><p>12/03/2016 - 08:30</p>"
        f"<p>{lead[:35]}…</p><p>{lead}</p>"
        '<figure><img src="anh.png" alt="Cầu Y"><figcaption>Cầu Y sau khi hoàn thành'
        "</figcaption></figure><p>Đoạn thân bài.</p><p>Đoạn thân bài.</p>"
        "<p>Ảnh minh họa - nguồn internet.</p><p>Theo baolongan.vn</p><p>Chia sẻ bài viết</p>"
    )
    feed = tmp_path / "old.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Cũ</title>'
        "<language>vi</language><item><title>Khánh thành cầu Y</title>"
        "<link>https://old.longan.gov.vn/tin/cau-y</link>"
        "<pubDate>Sat, 12 Mar 2016 01:30:00 GMT</pubDate>"
        f"<description><![CDATA[{html}]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    out, err, error = run_import(feed, "--verbose")
    assert error is None, err
    assert "entry 1: dropped cut-off copy of the next paragraph" in out
    page = articles(department).get().get_latest_revision_as_object()
    assert page.summary == lead
    assert page.source == "baolongan.vn"
    assert page.hero_image is not None and page.hero_caption == "Cầu Y sau khi hoàn thành"
    body = "".join(block.value.source for block in page.body)
    assert body.count("Đoạn thân bài.") == 1
    assert lead not in body and "English" not in body and "Ảnh minh họa" not in body

    lines = write_jsonl(
        tmp_path / "old.jsonl",
        [
            {
                "source_url": "https://old.longan.gov.vn/tin/2",
                "title": "Tin thứ hai",
                "body_html": f"<p>Tin thứ hai</p><p>08:00 01/02/2025</p><p>{lead}</p>"
                "<p>Minh Tâm (T.H)</p>",
            },
            {"source_url": "https://old.longan.gov.vn/tin/3", "title": "Không ngày"},
        ],
    )
    out, err, error = run_import(lines)
    assert "line 2: published_at is missing and no date-time line was found" in err
    second = articles(department).get(source_url="https://old.longan.gov.vn/tin/2")
    assert second.published_date == datetime(2025, 2, 1, 8, 0, tzinfo=VN)
    assert second.author == "Minh Tâm" and second.summary == lead
    assert len(second.body) == 0, "title, date, lead and byline are all taken out"
