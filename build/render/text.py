"""Small text helpers shared by the render modules."""

import re
import unicodedata
from functools import lru_cache

_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def slugify(value) -> str:
    """ASCII slug for URL segments: 'Sở Kế hoạch và Đầu tư' -> 'so-ke-hoach-va-dau-tu'.

    đ/Đ have no Unicode decomposition, so they are folded by hand.
    """
    text = str(value or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", text.lower()).strip("-")
