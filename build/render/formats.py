"""Dates, numbers, money and areas in each locale's format (GLOSSARY.md, Formats).

vi: 22/11/2026, 1.500,5, 1.500 tỷ đồng, 12,5 triệu USD, 120,5 ha
en: 22 Nov 2026, 1,500.5, VND 1,500 billion, USD 12.5 million, 120.5 ha

Babel's locale data is loaded once per process; results are memoised because
listings format the same few dates thousands of times.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
DATETIME_PATTERNS = {"vi": "dd/MM/yyyy HH:mm", "en": "d MMM yyyy, HH:mm"}
# (threshold, vi word, en word), largest first.
SCALES = (
    (Decimal(10) ** 9, "tỷ", "billion"),
    (Decimal(10) ** 6, "triệu", "million"),
)
VI_CURRENCY = {"VND": "đồng", "USD": "USD"}


def parse_date(value):
    """ISO string (date or date-time) -> date/datetime, or None for empty/invalid."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def format_date(value, lang):
    parsed = parse_date(value)
    if parsed is None:
        return ""
    return _format_day(parsed.date() if isinstance(parsed, datetime) else parsed, lang)


@lru_cache(maxsize=8192)
def _format_day(day, lang):
    # Cached by day, not by the timestamp: thousands of articles share few days.
    return babel_format_date(day, DATE_PATTERNS[lang], locale=lang)


@lru_cache(maxsize=8192)
def format_datetime(value, lang):
    parsed = parse_date(value)
    if not isinstance(parsed, datetime):
        return format_date(value, lang)
    return babel_format_datetime(parsed, DATETIME_PATTERNS[lang], locale=lang)


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def format_number(value, lang, max_decimals=2):
    number = _decimal(value)
    if number is None:
        return ""
    pattern = "#,##0." + "#" * max_decimals if max_decimals else "#,##0"
    return format_decimal(number, format=pattern, locale=lang)


@lru_cache(maxsize=4096)
def format_money(value, currency, lang):
    """1500000000000 VND -> '1.500 tỷ đồng' (vi) / 'VND 1,500 billion' (en)."""
    amount = _decimal(value)
    if amount is None:
        return ""
    currency = (currency or "VND").upper()
    for threshold, vi_word, en_word in SCALES:
        if amount >= threshold:
            scaled = format_number(amount / threshold, lang, 1)
            if lang == "vi":
                return f"{scaled} {vi_word} {VI_CURRENCY.get(currency, currency)}"
            return f"{currency} {scaled} {en_word}"
    plain = format_number(amount, lang, 0)
    if lang == "vi":
        return f"{plain} {VI_CURRENCY.get(currency, currency)}"
    return f"{currency} {plain}"


@lru_cache(maxsize=4096)
def format_area(value, lang):
    formatted = format_number(value, lang, 2)
    return f"{formatted} ha" if formatted else ""


def year_of(value):
    parsed = parse_date(value)
    return str(parsed.year) if parsed else ""


def format_filesize(value, lang):
    size = _decimal(value)
    if size is None:
        return ""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{format_number(size / factor, lang, 1)} {unit}"
    return f"{format_number(size, lang, 0)} B"
