"""Plain JSON values for dates, numbers and choice labels (formatting is render's job)."""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import override


def iso_date(value):
    """ "YYYY-MM-DD" or None."""
    return value.isoformat() if value else None


def iso_datetime(value):
    """ISO 8601 date-time in the site's time zone ("" when unknown).

    A plain date becomes midnight local time, so dates and date-times of
    different kinds sort together as strings.
    """
    if not value:
        return ""
    zone = timezone.get_default_timezone()  # cached; the active zone lookup is slow
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min, tzinfo=zone)
    elif timezone.is_naive(value):
        value = value.replace(tzinfo=zone)
    return value.astimezone(zone).replace(microsecond=0).isoformat()


def number(value):
    """Decimal -> int when whole, else float; None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


_labels = {}


def choice_label(obj, name, lang):
    """The translated display label of a choice field, in `lang` (memoised per value)."""
    value = getattr(obj, name)
    if not value:
        return ""
    key = (type(obj), name, value, lang)
    if key not in _labels:
        with override(lang):
            _labels[key] = str(getattr(obj, f"get_{name}_display")())
    return _labels[key]
