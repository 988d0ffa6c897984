"""Vietnamese normalisation, folding, document numbers and query parsing."""

import unicodedata

import pytest

from search.snippets import highlight
from search.text import bigrams, compact, fold, normalise, number_variants, parse_query, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đầu tư", "dau tu"),
        ("ĐÔ THỊ", "do thi"),
        ("đường", "duong"),
        ("Dương", "duong"),
        ("Phường Quỳnh Lưu, Nghệ An", "phuong quynh luu, nghe an"),
        ("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ", "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy"),
        ("Investments", "investments"),
    ],
)
def test_fold_removes_every_vietnamese_mark_and_đ(text, folded):
    assert fold(text) == folded


def test_decomposed_input_folds_like_composed_input():
    decomposed = unicodedata.normalize("NFD", "Quy hoạch đô thị")
    assert fold(decomposed) == "quy hoach do thi"
    assert normalise(decomposed) == unicodedata.normalize("NFC", "quy hoạch đô thị")


def test_tokens_and_bigrams():
    syllables = tokens(fold("Kế hoạch: đầu-tư_công"))
    assert syllables == ["ke", "hoach", "dau", "tu", "cong"]
    assert bigrams(syllables) == ["ke_hoach", "hoach_dau", "dau_tu", "tu_cong"]


@pytest.mark.parametrize("typed", ["2513/KH-UBND", "2513 KH UBND", "2513khubnd", "2513-kh-ubnd"])
def test_document_number_forms_share_a_compact_form(typed):
    assert compact(typed) == "2513khubnd"


def test_number_variants_hold_parts_and_compact_form():
    assert number_variants("12/2024/NĐ-CP") == ["12", "2024", "nd", "cp", "122024ndcp"]


def test_parsed_query_keeps_only_letters_and_digits():
    parsed = parse_query('"Đầu tư" OR NEAR(x) * ^ {title}: -')
    for token in parsed.exact + parsed.folded:
        assert token.isalnum()
    assert parsed.folded == ("dau", "tu", "or", "near", "x", "title")
    assert parsed.accented == ("đầu", "tư")
    assert parse_query("!!! ---").empty


def test_long_queries_are_bounded():
    assert len(parse_query(" ".join(["a"] * 100)).folded) == 16


def test_highlight_escapes_html_and_marks_folded_matches():
    html = highlight("Dự án <b>đầu tư</b> & hạ tầng", {"dau", "tu"})
    assert html == "Dự án &lt;b&gt;<mark>đầu</mark> <mark>tư</mark>&lt;/b&gt; &amp; hạ tầng"


def test_highlight_centres_on_the_matches_of_a_long_text():
    text = "mở đầu " + "lời dẫn " * 100 + "kế hoạch đầu tư công " + "kết luận " * 100
    html = highlight(text, {"dau", "tu", "cong"}, length=120)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>đầu</mark> <mark>tư</mark> <mark>công</mark>" in html
    assert len(html) < 300


def test_non_ascii_punctuation_becomes_space_when_folding():
    folded = fold("“Đầu–tư” «công»_năm\u00a02025")
    assert folded.split() == ["dau", "tu", "cong", "nam", "2025"]
    assert len(folded) == len("“Đầu–tư” «công»_năm\u00a02025"), "snippets rely on equal length"
