"""Strip old portals' page clutter from an imported article, and say what went.

Exports of legacy portals keep the whole page: language switches, share and
rating widgets, "related news" lists, a date-time line, a byline, a "Theo …"
credit, photo captions without their photo and blocks pasted twice. An
article is a list of blocks (text paragraphs and images); `clean` returns the
blocks to keep, the fields it found in the clutter (date, author, source) and
one line per dropped block, so an import never loses text silently.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

WORD = r"[^\W\d_]"  # a letter, Vietnamese included
SUMMARY_LIMIT = 300


@dataclass
class Block:
    kind: str  # "text" or "image"
    text: str = ""  # plain text (for matching); for an image, its alt text
    html: str = ""  # the paragraph's HTML (text) or "" (plain-text sources)
    src: str = ""
    caption: str = ""
    credit: str = ""


@dataclass
class Cleaned:
    blocks: list[Block]
    date: datetime | None = None
    author: str = ""
    source: str = ""
    dropped: list[str] = field(default_factory=list)


def _norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pattern(text):
    return re.compile(text, re.IGNORECASE)


_LANGUAGE = r"(?:tiếng việt|english|vietnamese|tiếng anh|vi|en|vn)"
LANGUAGE_SWITCH = _pattern(rf"^{_LANGUAGE}(?:\s*[|/·-]\s*{_LANGUAGE})+$")
WIDGET = _pattern(
    r"^(?:chia sẻ(?: bài viết| trang| lên)?|share(?: this)?|in bài(?: viết)?|in trang|bản in"
    r"|gửi (?:bài|email|e-mail)(?: cho bạn bè)?|lưu bài|lên đầu trang|về đầu trang|quay lại|trở về"
    r"|tweet|facebook|zalo|twitter|email|phản hồi|bình luận(?: \(\s*\d+\s*\))?"
    r"|(?:lượt xem|số lượt xem|lượt đọc)\s*:?\s*[\d.,]+"
    r"|đánh giá bài viết\s*(?:\(\s*\d+\s*\)|:.*)?|(?:xếp hạng|đánh giá)\s*:?\s*[\d.,/ ]*(?:sao)?"
    r"|(?:facebook|zalo|twitter|email|in|chia sẻ)(?:\s*[|·,]\s*(?:facebook|zalo|twitter|email|in"
    r"|chia sẻ))+)[:.]?$"
)
RELATED_HEADING = _pattern(
    r"^(?:có thể bạn quan tâm|tin liên quan|bài viết liên quan|tin cùng chuyên mục|các tin khác"
    r"|tin khác|tin bài khác|xem thêm|đọc thêm|related news|related articles)\s*:?$"
)
DATE_IN_TEXT = re.compile(r"\(?\d{1,2}/\d{1,2}/\d{4}(?:\s*[-–]?\s*\d{1,2}[:h]\d{2})?\)?")
_TIME = r"(?P<hour>\d{1,2})\s*[:h]\s*(?P<minute>\d{2})(?:\s*(?:sáng|chiều|am|pm))?"
_DATE = r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})"
_DATE_PREFIX = rf"^(?:{WORD}+(?:\s+{WORD}+){{0,3}}\s*[:,]\s*)?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?"
_GMT = r"\s*(?:\(?\s*GMT\s*\+\s*7\s*\)?)?$"
DATE_LINES = [
    _pattern(rf"{_DATE_PREFIX}{_DATE}(?:\s*[-–,|]?\s*{_TIME})?{_GMT}"),
    _pattern(rf"{_DATE_PREFIX}{_TIME}\s*[-–,|]?\s*(?:ngày\s+)?{_DATE}{_GMT}"),
]
BYLINE = [
    _pattern(rf"^(?P<name>{WORD}[^()]{{0,80}}?)\s*\((?:thực hiện|tổng hợp|t\.?h|st|sưu tầm)\)\.?$"),
    _pattern(r"^(?:tác giả|bài(?: và|,)? ảnh|bài)\s*:\s*(?P<name>.{1,80})$"),
    _pattern(r"^\(?(?P<name>pv|ctv|phóng viên|t\.h|nhóm pv)\)?\.?$"),
]
SOURCE_ANYWHERE = _pattern(r"^(?:nguồn|nguồn tin)\s*:\s*(?P<source>.{1,200})$")
AGENCY_CREDIT = _pattern(
    r"^\(?(?P<source>ttxvn(?:\s*/\s*[^()]{1,40})?|vna|vov|vtv|"
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))\)?\.?$"
)
SOURCE_TRAILING = _pattern(r"^theo\s+(?P<source>[^,;]{2,80}?)\.?$")
CAPTION = [
    _pattern(r"^(?P<caption>.{2,400}?)\s*\|\s*ảnh\s*:\s*(?P<credit>.{1,120})$"),
    _pattern(r"^\(?ảnh\s*:\s*(?P<caption>.{1,400}?)\)?$"),
    _pattern(r"^\(?(?P<caption>ảnh minh h[ọo]a\b.{0,300}?)\)?$"),
]
# A trailing line of capitalised words only ("Nguyễn Văn A", "Hoàng Nam - Thu Hà").
_NAME = rf"[^\W\d_a-zđà-ỹ]{WORD}*\.?"
NAME_LINE = re.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{0,4}}(?:\s*[-–,]\s*{_NAME}(?:\s+{_NAME}){{0,4}})*$"
)
ELLIPSIS = ("…", "...", "..")
IMAGE_LINE = re.compile(
    r"^(?:!\[(?P<alt>[^\]]*)\]\((?P<md>[^)\s]+)\)|(?P<bare>\S+\.(?:jpe?g|png|gif|webp|avif)))$",
    re.IGNORECASE,
)


def parse_date_line(text):
    """ "12/03/2016 - 08:30", "Thứ Hai, 12/3/2016 8h30 (GMT+7)" → naive datetime or None."""
    match = _match(DATE_LINES, _norm(text))
    if not match:
        return None
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["year"]),
            int(parts["month"]),
            int(parts["day"]),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
        )
    except ValueError:
        return None


def _match(patterns, text):
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            return match
    return None


def _short(text, limit=70):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean(blocks):
    """Drop the clutter from a list of Blocks; return a Cleaned."""
    result = Cleaned(blocks=[])
    kept, seen_text, seen_images = result.blocks, set(), set()
    in_related = False

    def drop(why, text):
        result.dropped.append(f"{why}: {_short(text)}")

    for block in blocks:
        if block.kind == "image":
            in_related = False
            if block.src in seen_images:
                drop("repeated image", block.src)
                continue
            seen_images.add(block.src)
            kept.append(block)
            continue
        text = _norm(block.text)
        if not text:
            continue
        if LANGUAGE_SWITCH.match(text):
            drop("language switch", text)
        elif WIDGET.match(text):
            drop("share/rating widget", text)
        elif RELATED_HEADING.match(text):
            in_related = True
            drop("related news", text)
        elif (date := parse_date_line(text)) is not None:
            if result.date is None:
                result.date = date
                drop("date line, used as the date", text)
            else:
                drop("second date line", text)
        elif match := _match(CAPTION, text):
            previous = kept[-1] if kept else None
            if previous is not None and previous.kind == "image" and not previous.caption:
                previous.caption = _norm(match["caption"]).rstrip(" -–")
                previous.credit = _norm(match.groupdict().get("credit") or "")
                drop("caption, attached to its image", text)
            else:
                drop("caption without an image", text)
        elif match := SOURCE_ANYWHERE.match(text) or AGENCY_CREDIT.match(text):
            result.source = result.source or match["source"].strip(" .")
            drop("source credit, used as the source", text)
        elif match := _match(BYLINE, text):
            result.author = result.author or match["name"].strip(" .")
            drop("byline, used as the author", text)
        elif in_related and (
            DATE_IN_TEXT.search(text) or len(text) <= 160 and text[-1] not in ".!?"
        ):
            drop("related news", text)
        elif text in seen_text:
            drop("repeated paragraph", text)
        else:
            in_related = False
            previous = kept[-1] if kept else None
            if (
                previous is not None
                and previous.kind == "text"
                and _is_cut_off(previous.text, text)
            ):
                kept.pop()
                drop("cut-off copy of the next paragraph", previous.text)
            seen_text.add(text)
            block.text = text
            kept.append(block)
    _strip_tail(result, drop)
    return result


def text_blocks(lines):
    """Plain-text lines → Blocks (image lines are images)."""
    blocks = []
    for line in lines:
        if match := IMAGE_LINE.match(line):
            src = match["md"] or match["bare"]
            blocks.append(Block("image", text=match["alt"] or "", src=src))
        else:
            blocks.append(Block("text", text=line))
    return blocks


def _is_cut_off(short, full):
    short = _norm(short)
    for mark in ELLIPSIS:
        short = short.removesuffix(mark)
    short = short.rstrip()
    return len(short) < len(full) and len(short) >= 20 and full.startswith(short)


def _strip_tail(result, drop):
    """Trailing credit lines: "Theo …", and a last line that is only a name."""
    kept = result.blocks
    while kept and kept[-1].kind == "text":
        text = kept[-1].text
        if match := SOURCE_TRAILING.match(text):
            result.source = result.source or match["source"].strip(" .")
            drop("source credit, used as the source", text)
        elif len(text) <= 60 and NAME_LINE.match(text) and len(kept) > 1:
            result.author = result.author or text.rstrip(".")
            drop("byline, used as the author", text)
        else:
            break
        kept.pop()


def summarise(given, blocks, limit=SUMMARY_LIMIT):
    """The summary, and the blocks without a first paragraph identical to it.

    A given summary is kept unless it is a cut-off copy of the first paragraph
    (old portals truncated the lead mid-word); otherwise the first paragraph
    is the summary when short, or is cut at a sentence or word boundary.
    A first paragraph identical to the summary leaves the body.
    """
    first = next((b for b in blocks if b.kind == "text"), None)
    given = _norm(given or "")
    if given and not (first is not None and _is_cut_off(given, first.text)):
        summary = shorten(given, limit)
    elif first is not None:
        summary = shorten(first.text, limit)
    else:
        summary = ""
    # The lead is printed above the body: the body does not repeat it, unless
    # its links would be lost with it.
    if (
        first is not None
        and first.text == summary
        and blocks[0] is first
        and "<a " not in first.html
    ):
        blocks = blocks[1:]
    return summary, blocks


def shorten(text, limit=SUMMARY_LIMIT):
    """Text within `limit` characters: whole sentences, else whole words and "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    sentence_ends = [m.end() for m in re.finditer(r"[.!?…](?=\s)", head)]
    if sentence_ends and sentence_ends[-1] >= limit // 3:
        return head[: sentence_ends[-1]].strip()
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:-–") + "…"
