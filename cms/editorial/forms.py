"""Page forms list translatable snippets (categories, topics, sectors) in the page's locale.

Without this a Vietnamese article's category list mixes English and Vietnamese
names. A mixin, so another page form can combine it.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin


class LocaleScopedChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None and getattr(self, "parent_page", None) is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            model = getattr(queryset, "model", None)
            if (
                model is not None
                and issubclass(model, TranslatableMixin)
                and not issubclass(model, Page)
            ):
                field.queryset = queryset.filter(locale_id=locale_id)


class LocaleScopedPageForm(LocaleScopedChoicesMixin, WagtailAdminPageForm):
    pass
