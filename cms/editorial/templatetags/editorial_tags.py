"""Context for the panels this app adds to Wagtail and wagtail-localize templates."""

from django import template

from ..moderation import can_submit
from ..outdated import notice_for
from ..unpublish import live_translations

register = template.Library()


@register.inclusion_tag("editorial/translation_panel.html", takes_context=True)
def translation_panel(context, page):
    request = context["request"]
    return {
        "page": page,
        "out_of_date": notice_for(page, request.get_full_path()),
        "can_submit": can_submit(page, request.user),
        "in_moderation": page.workflow_in_progress,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def live_translations_of(context, page):
    return live_translations(page, context["request"].user)
