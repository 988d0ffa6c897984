"""The admin edit form every Cổng page uses (ContentPage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm

from cms.editorial.forms import LocaleScopedChoicesMixin

from .slugs import AsciiSlugField, slug_widget

# The schedule dialog's pickers open here (and static/cong/admin.css keeps them
# in the flow): floating, they covered the "Save schedule" button at 1366×900.
SCHEDULE_PICKER_PARENT = "#schedule-publishing-dialog .w-dialog__body"


class ContentPageForm(LocaleScopedChoicesMixin, WagtailAdminPageForm):
    """ASCII slugs, folded while the editor types and on the server; a usable schedule dialog;
    snippet choices in the page's own locale (cms/editorial/forms.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("go_live_at", "expire_at"):
            widget = getattr(self.fields.get(name), "widget", None)
            if hasattr(widget, "js_overlay_parent_selector"):
                widget.js_overlay_parent_selector = SCHEDULE_PICKER_PARENT
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
