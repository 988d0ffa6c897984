"""Recognise an uploaded attachment by its first bytes, not by its name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# (type, leading bytes, file extensions the name may have)
SIGNATURES = (
    ("pdf", [b"%PDF-"], {"pdf"}),
    ("png", [b"\x89PNG\r\n\x1a\n"], {"png"}),
    ("jpg", [b"\xff\xd8\xff"], {"jpg", "jpeg"}),
    ("gif", [b"GIF87a", b"GIF89a"], {"gif"}),
)


def sniff_type(head):
    """'pdf', 'png', 'jpg', 'gif', 'webp' or None for the first bytes of a file."""
    for kind, prefixes, _extensions in SIGNATURES:
        if any(head.startswith(prefix) for prefix in prefixes):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def allowed_extensions(kind):
    for candidate, _prefixes, extensions in SIGNATURES:
        if candidate == kind:
            return extensions
    return {"webp"} if kind == "webp" else set()


def validate_attachment(upload, max_bytes):
    """Return the detected type; raise ValidationError for a wrong size or type."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The attachment is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    if upload.size == 0:
        raise ValidationError(_("The attachment is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_type(head)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if kind is None or extension not in allowed_extensions(kind):
        raise ValidationError(
            _("Attach a PDF or an image (JPEG, PNG, GIF or WebP)."), code="wrong_type"
        )
    return kind
