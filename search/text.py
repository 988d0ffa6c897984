"""Vietnamese-aware text normalisation shared by indexing, querying and snippets.

Three views of the same text:

* normalised: NFC, lower case — "Đường" → "đường" (exact-accent matches);
* folded: normalised, then every diacritic removed and đ → d — "đường" →
  "duong". Unicode has no decomposition for đ/Đ, so NFD alone leaves it;
  we fold it explicitly, in the index and in the query alike;
* compact: folded with everything but letters and digits removed, so a
  document number "2513/KH-UBND" is also "2513khubnd".

Syllables are Vietnamese words' units; adjacent-syllable pairs (bigrams,
"dau_tu") let phrase matches rank above scattered syllables.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Letters and digits; "_" is a word character for `re` but a separator here
# (it joins bigrams inside the index).
_TOKEN_RE = re.compile(r"[^\W_]+")
_NON_ALNUM_RE = re.compile(r"[\W_]+")
_SPACES_RE = re.compile(r"\s+")

# A legal document number: "2513/KH-UBND", "12/2024/NĐ-CP", "01/2023/TT-BKHĐT".
DOCUMENT_NUMBER_RE = re.compile(
    r"\b\d{1,6}(?:/\d{2,4})?/[A-ZĐa-zđ][A-ZĐa-zđ0-9]*(?:[-–][A-ZĐa-zđ0-9]+)*"
)

MAX_QUERY_TOKENS = 16


def _build_fold_table():
    """Map every precomposed Latin letter to its bare base letter (đ → d too)."""
    table = {}
    ranges = [(0x00C0, 0x0250), (0x1E00, 0x1F00)]
    for start, end in ranges:
        for code in range(start, end):
            char = chr(code)
            base = "".join(
                c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
            )
            if base != char:
                table[code] = base
    for code in range(0x0300, 0x0370):  # stray combining marks (text that was not NFC)
        table[code] = None
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"})
    table.update(_SPACE_TABLE)
    return table


def _build_space_table():
    """Punctuation and symbols outside ASCII (and "_") → space, one char for one char.

    The embedded index's tokenizer splits only on ASCII punctuation; after this
    table it splits Vietnamese text where `tokens()` does ("đầu–tư", «…», “…”).
    """
    table = {ord("_"): " "}
    for start, end in [(0x00A0, 0x00C0), (0x2000, 0x2070), (0x3000, 0x3040), (0xFF01, 0xFF10)]:
        for code in range(start, end):
            if not chr(code).isalnum():
                table[code] = " "
    table[ord("×")] = " "
    table[ord("÷")] = " "
    return table


_SPACE_TABLE = _build_space_table()
_FOLD_TABLE = _build_fold_table()


def normalise(text):
    """NFC, lower case, single spaces."""
    if not text:
        return ""
    return _SPACES_RE.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()


def lower_nfc(text):
    """NFC and lower case, spacing kept (cheaper than normalise before tokenising)."""
    return unicodedata.normalize("NFC", text).lower() if text else ""


def fold_lowered(text):
    """Fold text that is already NFC and lower case (punctuation becomes space)."""
    return text.translate(_FOLD_TABLE)


def spaced(text):
    """Non-ASCII punctuation and "_" replaced by spaces, accents kept."""
    return text.translate(_SPACE_TABLE)


def fold(text):
    """Lower-case text without diacritics: "Đầu tư" → "dau tu"."""
    return normalise(text).translate(_FOLD_TABLE)


def tokens(text):
    """Syllables/words of already normalised or folded text."""
    return _TOKEN_RE.findall(text)


def bigrams(syllables):
    """Adjacent pairs joined by "_": ["dau", "tu", "cong"] → ["dau_tu", "tu_cong"]."""
    return [f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False)]


def compact(text):
    """Folded text with only letters and digits: "2513/KH-UBND" → "2513khubnd"."""
    return _NON_ALNUM_RE.sub("", fold(text))


def document_numbers(text):
    """Document numbers cited in free text, as written."""
    return DOCUMENT_NUMBER_RE.findall(text or "")


def number_variants(number):
    """Index forms of a document number: its syllables and its compact form."""
    folded = fold(number)
    parts = tokens(folded)
    variants = list(parts)
    if len(parts) > 1:
        variants.append("".join(parts))
    return variants


@dataclass(frozen=True)
class ParsedQuery:
    """A user query split into the forms each index column needs.

    Every value is letters and digits only (plus "_" in bigrams), so a
    backend can quote them safely: query syntax typed by the user is text.
    """

    text: str
    exact: tuple = ()  # normalised syllables, accents kept
    folded: tuple = ()  # folded syllables (all required)
    bigrams: tuple = ()  # folded adjacent pairs (boost phrases)
    compact: str = ""  # whole query as one compact token (document numbers)
    accented: tuple = field(default=())  # exact syllables that carry diacritics

    @property
    def empty(self):
        return not self.folded


@lru_cache(maxsize=2048)
def parse_query(text):
    """Split a query into exact, folded, bigram and compact forms."""
    normalised = normalise(text)
    exact = tuple(tokens(normalised))[:MAX_QUERY_TOKENS]
    folded = tuple(tokens(normalised.translate(_FOLD_TABLE)))[:MAX_QUERY_TOKENS]
    accented = tuple(t for t in exact if t.translate(_FOLD_TABLE) != t)
    whole = "".join(folded)
    has_digit = any(c.isdigit() for c in whole)
    return ParsedQuery(
        text=normalised,
        exact=exact,
        folded=folded,
        bigrams=tuple(bigrams(list(folded))),
        compact=whole if (has_digit and len(folded) > 1) else "",
        accented=accented,
    )
