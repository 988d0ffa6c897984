"""The Vietnamese gettext catalogue of the CMS (cms/locale/vi) is complete and usable.

These tests check the catalogue itself (every entry it holds is translated, keeps its
placeholders, is NFC, and the compiled .mo matches the .po), plus a few real labels
as Django shows them. A string added to the source but not yet extracted with
makemessages does not make them fail: that is the next translation round's job.
"""

import gettext
import re
import unicodedata
from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "cms" / "locale"
# The CMS's own catalogue (makemessages over cms/) and the hand-made supplement for
# Wagtail admin strings that Wagtail's vi catalogue leaves untranslated.
CATALOGUE_DIRS = {
    "cms": LOCALE_DIR / "vi" / "LC_MESSAGES",
    "wagtail_admin": LOCALE_DIR / "wagtail_admin" / "vi" / "LC_MESSAGES",
}

# Python %-style (named or positional), str.format-style {name}, and HTML tags: all
# must come through translation unchanged, or rendering breaks or loses markup.
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sdfr]|%[sdfr]|\{[A-Za-z_]\w*\}|</?[A-Za-z][^>]*>")


@pytest.fixture(scope="module", params=sorted(CATALOGUE_DIRS))
def catalogue_dir(request):
    return CATALOGUE_DIRS[request.param]


@pytest.fixture(scope="module")
def catalogue(catalogue_dir):
    return polib.pofile(str(catalogue_dir / "django.po"))


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def translations_of(entry):
    """Every msgstr of an entry (one per plural form for plural entries)."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_header_declares_vietnamese_utf8_with_one_plural_form(catalogue):
    assert catalogue.metadata["Language"] == "vi"
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]
    assert catalogue.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert not catalogue.metadata_is_fuzzy


def test_catalogues_are_not_empty():
    # An empty or truncated catalogue would make every other test pass vacuously:
    # makemessages over cms/ finds several hundred strings, the supplement ~200.
    sizes = {
        name: len(live_entries(polib.pofile(str(folder / "django.po"))))
        for name, folder in CATALOGUE_DIRS.items()
    }
    assert sizes["cms"] > 300
    assert sizes["wagtail_admin"] > 150


def test_every_entry_has_a_vietnamese_translation(catalogue):
    untranslated = [
        entry.msgid
        for entry in live_entries(catalogue)
        if not all(text.strip() for text in translations_of(entry))
    ]
    assert untranslated == []


def test_no_fuzzy_entries(catalogue):
    assert [entry.msgid for entry in live_entries(catalogue) if "fuzzy" in entry.flags] == []


def test_plural_entries_have_exactly_one_form(catalogue):
    for entry in (entry for entry in live_entries(catalogue) if entry.msgid_plural):
        assert sorted(entry.msgstr_plural) == [0], entry.msgid


def test_placeholders_and_tags_are_kept(catalogue):
    mismatched = []
    for entry in live_entries(catalogue):
        # Vietnamese has one plural form; it takes the plural msgid's placeholders.
        source = entry.msgid_plural or entry.msgid
        for text in translations_of(entry):
            if placeholders(text) != placeholders(source):
                mismatched.append((entry.msgid, text))
    assert mismatched == []


def test_translations_are_nfc(catalogue):
    not_nfc = [
        text
        for entry in live_entries(catalogue)
        for text in translations_of(entry)
        if unicodedata.normalize("NFC", text) != text
    ]
    assert not_nfc == []


def test_translations_are_actually_vietnamese(catalogue):
    # Guards against copying msgid into msgstr to silence the emptiness check: most
    # entries must differ from the English and the catalogue must use Vietnamese letters.
    entries = live_entries(catalogue)
    copied = [entry for entry in entries if entry.msgstr and entry.msgstr == entry.msgid]
    assert len(copied) <= len(entries) // 20, [entry.msgid for entry in copied]
    vietnamese_letters = re.compile(
        r"[ăâđêôơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]", re.I
    )
    with_diacritics = [entry for entry in entries if vietnamese_letters.search(entry.msgstr)]
    assert len(with_diacritics) >= len(entries) * 3 // 4


def test_compiled_mo_matches_the_po(catalogue_dir, catalogue):
    """The committed .mo was compiled from the current .po (not a stale older one)."""
    with (catalogue_dir / "django.mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    assert compiled.info()["language"] == "vi"
    checked = 0
    for entry in live_entries(catalogue):
        if entry.msgctxt:
            got = compiled.pgettext(entry.msgctxt, entry.msgid)
            expected = entry.msgstr
        elif entry.msgid_plural:
            got = compiled.ngettext(entry.msgid, entry.msgid_plural, 5)
            expected = entry.msgstr_plural[0]
        else:
            got = compiled.gettext(entry.msgid)
            expected = entry.msgstr
        assert got == expected, entry.msgid
        checked += 1
    assert checked >= 20


def test_supplement_only_holds_real_wagtail_strings():
    """Every supplement msgid is one Wagtail (or wagtail-localize) marks for translation.

    A typo, or a string Wagtail renamed in an upgrade, would silently never be used.
    """
    import wagtail
    import wagtail_localize

    sources = [
        *Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"),
        Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES/django.po",
    ]
    wagtail_msgids = {entry.msgid for po_path in sources for entry in polib.pofile(str(po_path))}
    supplement = polib.pofile(str(CATALOGUE_DIRS["wagtail_admin"] / "django.po"))
    assert [e.msgid for e in live_entries(supplement) if e.msgid not in wagtail_msgids] == []


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Save draft", "Lưu nháp"),  # supplement
        ("Images", "Hình ảnh"),  # supplement
        ("Pages", "Trang"),  # Wagtail's sidebar: the CMS catalogue must not shadow it
        ("Publish", "Xuất bản"),  # Wagtail's own vi catalogue still applies
    ],
)
def test_wagtail_admin_strings_render_in_vietnamese(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese


@pytest.mark.parametrize(
    ("model_path", "field_name", "vietnamese", "english"),
    [
        ("documents.LegalDocumentPage", "number", "số, ký hiệu", "number and symbol"),
        ("documents.LegalDocumentPage", "issuing_body", "cơ quan ban hành", "issuing body"),
        ("documents.LegalDocumentPage", "topic", "lĩnh vực", "field"),
        ("procedures.ProcedurePage", "processing_time", "thời hạn giải quyết", "processing time"),
        ("procedures.ProcedurePage", "fees", "phí, lệ phí", "fees and charges"),
        ("procedures.ProcedurePage", "legal_basis", "căn cứ pháp lý", "legal basis"),
        ("procedures.ProcedurePage", "dossier", "thành phần hồ sơ", "dossier components"),
        (
            "investment.InvestmentProjectPage",
            "investment_form",
            "hình thức đầu tư",
            "investment form",
        ),
    ],
)
def test_model_field_labels_follow_the_glossary(model_path, field_name, vietnamese, english):
    from django.apps import apps

    field = apps.get_model(model_path)._meta.get_field(field_name)
    with translation.override("vi"):
        assert str(field.verbose_name) == vietnamese
    with translation.override("en"):
        assert str(field.verbose_name) == english


def test_choice_labels_and_model_names_in_vietnamese():
    from cms.core.models import AdministrativeUnit
    from cms.documents.models import LegalDocumentPage
    from cms.procedures.models import ProcedurePage

    with translation.override("vi"):
        levels = {value: str(label) for value, label in AdministrativeUnit.Level.choices}
        assert levels["former_district"] == "Huyện (cũ)"
        assert levels["special_zone"] == "Đặc khu"
        assert str(LegalDocumentPage._meta.verbose_name) == "văn bản"
        assert str(ProcedurePage._meta.verbose_name) == "thủ tục hành chính"
        assert str(LegalDocumentPage.DocumentType.OFFICIAL_LETTER.label) == "Công văn"


def test_plural_message_renders_in_vietnamese():
    with translation.override("vi"):
        text = translation.ngettext("%(counter)s request", "%(counter)s requests", 3)
        assert text % {"counter": 3} == "3 yêu cầu"
