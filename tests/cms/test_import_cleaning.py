"""The cleaning of old portals' clutter, one shape per test (no database)."""

from datetime import datetime

import pytest

from cms.news.importing.cleaning import (
    SUMMARY_LIMIT,
    Block,
    clean,
    parse_date_line,
    shorten,
    summarise,
    text_blocks,
)


def cleaned(*lines):
    return clean(text_blocks(list(lines)))


def texts(result):
    return [block.text for block in result.blocks if block.kind == "text"]


BODY = "Nội dung chính của bài viết, đủ dài để là một đoạn văn thật."


@pytest.mark.parametrize(
    "line", ["Tiếng Việt | English", "Tiếng Việt / English", "VI | EN", "English · Tiếng Việt"]
)
def test_language_switch_lines_are_dropped(line):
    result = cleaned(line, BODY)
    assert texts(result) == [BODY]
    assert result.dropped == [f"language switch: {line}"]


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ bài viết",
        "ĐÁNH GIÁ BÀI VIẾT( 0)",
        "Chia sẻ:",
        "In bài viết",
        "Lượt xem: 1.204",
        "Facebook | Zalo | Email",
        "Gửi email",
        "Bình luận (3)",
    ],
)
def test_share_and_rating_widgets_are_dropped(line):
    result = cleaned(BODY, line)
    assert texts(result) == [BODY]
    assert result.dropped[0].startswith("share/rating widget: ")


def test_related_news_blocks_are_dropped_with_their_dated_titles():
    result = cleaned(
        BODY,
        "Tin liên quan",
        "Long An xuất khẩu gạo tăng 10% (01/03/2025)",
        "Tân An có chợ đêm mới (28/02/2025)",
        "Có thể bạn quan tâm:",
        "Hội chợ nông sản khai mạc",
    )
    assert texts(result) == [BODY]
    assert sum(line.startswith("related news: ") for line in result.dropped) == 5


def test_related_heading_does_not_eat_a_real_paragraph_after_it():
    after = "Đây là một đoạn văn bình thường kết thúc bằng dấu chấm."
    result = cleaned(BODY, "Xem thêm", after)
    assert texts(result) == [BODY, after]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12/03/2016 - 08:30", datetime(2016, 3, 12, 8, 30)),
        ("Thứ Hai, 4/3/2025 8h15 (GMT+7)", datetime(2025, 3, 4, 8, 15)),
        ("08:30 12/03/2016", datetime(2016, 3, 12, 8, 30)),
        ("Ngày đăng: 12/03/2016", datetime(2016, 3, 12)),
        ("Chủ nhật, 01/06/2025 - 07:05", datetime(2025, 6, 1, 7, 5)),
    ],
)
def test_a_date_time_line_becomes_the_date(line, expected):
    assert parse_date_line(line) == expected
    result = cleaned(line, BODY)
    assert result.date == expected and texts(result) == [BODY]


def test_a_sentence_with_a_date_is_not_a_date_line():
    sentence = "Sáng 12/03/2016, tỉnh tổ chức hội nghị."
    assert parse_date_line(sentence) is None
    assert texts(cleaned(sentence)) == [sentence]
    assert parse_date_line("31/02/2016") is None, "an impossible date is not a date"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Nguyễn Văn A (thực hiện)", "Nguyễn Văn A"),
        ("Minh Tâm (T.H)", "Minh Tâm"),
        ("PV", "PV"),
        ("(T.H)", "T.H"),
        ("Bài, ảnh: Hoàng Nam", "Hoàng Nam"),
    ],
)
def test_bylines_become_the_author(line, author):
    result = cleaned(BODY, line)
    assert result.author == author and texts(result) == [BODY]


def test_a_trailing_name_line_becomes_the_author_but_not_a_short_sentence():
    result = cleaned(BODY, "Hoàng Nam - Thu Hà")
    assert result.author == "Hoàng Nam - Thu Hà" and texts(result) == [BODY]
    ending = "Hội nghị kết thúc lúc 11 giờ."
    assert texts(cleaned(BODY, ending)) == [BODY, ending]


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Theo baolongan.vn", "baolongan.vn"),
        ("Nguồn: Báo Long An", "Báo Long An"),
        ("TTXVN/Vietnam+", "TTXVN/Vietnam+"),
        ("(Mic.gov.vn)", "Mic.gov.vn"),
        ("(TTXVN)", "TTXVN"),
    ],
)
def test_credits_become_the_source(line, source):
    result = cleaned(BODY, line)
    assert result.source == source and texts(result) == [BODY]


def test_theo_inside_the_text_is_prose():
    sentence = "Theo kế hoạch, cầu sẽ thông xe vào tháng 6."
    assert texts(cleaned(sentence, BODY)) == [sentence, BODY]


def test_a_caption_attaches_to_the_image_it_follows():
    result = cleaned(BODY, "cau-y.jpg", "Ảnh: Cầu Y sau khi hoàn thành.", BODY + " Hết.")
    image = result.blocks[1]
    assert image.kind == "image" and image.src == "cau-y.jpg"
    assert image.caption == "Cầu Y sau khi hoàn thành."
    credited = cleaned("![Cầu Y](y.png)", "Lễ khánh thành cầu Y | Ảnh: Minh Tâm")
    assert credited.blocks[0].caption == "Lễ khánh thành cầu Y"
    assert credited.blocks[0].credit == "Minh Tâm" and credited.blocks[0].text == "Cầu Y"


def test_a_caption_without_an_image_is_dropped_and_reported():
    result = cleaned(BODY, "Ảnh minh họa - nguồn internet.", "Ảnh minh họa - nguồn internet.")
    assert texts(result) == [BODY]
    assert result.dropped == ["caption without an image: Ảnh minh họa - nguồn internet."] * 2


def test_a_repeated_block_of_paragraphs_is_kept_once():
    block = ["Đoạn một của khối.", "Đoạn hai của khối.", "Đoạn ba của khối."]
    result = cleaned(BODY, *block, *block, "Đoạn cuối.")
    assert texts(result) == [BODY, *block, "Đoạn cuối."]
    assert [line for line in result.dropped if line.startswith("repeated")] == [
        f"repeated paragraph: {text}" for text in block
    ]


def test_a_lead_cut_mid_word_then_repeated_in_full_is_kept_once():
    full = "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị xúc tiến đầu tư với 300 đại biểu."
    result = cleaned(full[:40] + "…", full)
    assert texts(result) == [full]
    assert result.dropped[0].startswith("cut-off copy of the next paragraph")


def test_summary_is_a_short_first_paragraph_and_the_body_does_not_repeat_it():
    blocks = [Block("text", text="Lead ngắn."), Block("text", text="Thân bài.")]
    summary, body = summarise("", blocks)
    assert summary == "Lead ngắn." and [b.text for b in body] == ["Thân bài."]


def test_a_long_lead_is_cut_at_a_sentence_or_word_boundary():
    sentence = "Câu thứ nhất của đoạn mở đầu khá dài để vượt giới hạn tóm tắt. " * 3
    long_lead = sentence + "x " * SUMMARY_LIMIT
    summary, body = summarise("", [Block("text", text=long_lead.strip())])
    assert len(summary) <= SUMMARY_LIMIT and summary.endswith("tóm tắt.")
    assert body[0].text == long_lead.strip(), "the full lead stays in the body"
    words = " ".join(["chữ"] * 200)
    cut = shorten(words)
    assert cut.endswith("chữ…") and len(cut) <= SUMMARY_LIMIT


def test_a_given_summary_cut_off_mid_word_is_replaced_by_the_lead():
    lead = "Hội nghị xúc tiến đầu tư năm 2025 thu hút hơn 300 đại biểu trong và ngoài nước."
    summary, body = summarise(lead[:30], [Block("text", text=lead)])
    assert summary == lead and body == []
    kept, body = summarise("Một tóm tắt riêng.", [Block("text", text=lead)])
    assert kept == "Một tóm tắt riêng." and [b.text for b in body] == [lead]
