"""StreamField blocks shared by every content family.

Page models compose these instead of defining their own, so the export step
has exactly one shape per block type to turn into HTML.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
    "hr",
    "superscript",
    "subscript",
]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=250,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class BodyBlock(blocks.StreamBlock):
    """The body of news articles and standard pages."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock()
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"))
    document = DocumentLinkBlock()


class AttachmentsBlock(blocks.StreamBlock):
    """Downloadable files attached to a page (forms, PDFs, maps)."""

    document = DocumentLinkBlock()


class LeaderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=200)
    photo = ImageChooserBlock(label=_("Photo"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=50)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    responsibilities = blocks.TextBlock(label=_("Responsibilities"), required=False)

    class Meta:
        icon = "user"
        label = _("Leader")


class LinkBlock(blocks.StructBlock):
    """A menu or footer link: an internal page or an external URL."""

    label = blocks.CharBlock(label=_("Label"), max_length=100)
    label_en = blocks.CharBlock(
        label=_("Label (English)"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to hide this link on the English site."),
    )
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
            )
        return result


class MenuItemBlock(LinkBlock):
    children = blocks.ListBlock(LinkBlock(), label=_("Sub-menu"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu item")
