"""The admin edit form every Cổng page uses (ContentPage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .slugs import AsciiSlugField, slug_widget


class ContentPageForm(WagtailAdminPageForm):
    """ASCII slugs: Vietnamese folded while the editor types and again on the server."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("slug")
        if field is not None:
            locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
            self.fields["slug"] = AsciiSlugField(
                max_length=field.max_length,
                required=field.required,
                label=field.label,
                help_text=field.help_text,
                initial=field.initial,
                widget=slug_widget(locale),
                allow_unicode=False,
            )
