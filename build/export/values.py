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
    if not isinstance(value, datetime.datetime):
        value = timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
    elif timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def number(value):
    """Decimal -> int when whole, else float; None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def choice_label(obj, name, lang):
    """The translated display label of a choice field, in `lang`."""
    if not getattr(obj, name):
        return ""
    with override(lang):
        return str(getattr(obj, f"get_{name}_display")())
