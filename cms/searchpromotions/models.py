"""Best bets: a page an editor pins to one or more queries, for a time.

Exported to a file the search API reads (export.py); the API never reads the
CMS database.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.departments.models import Department

MAX_TERMS = 20


class BestBetQuerySet(models.QuerySet):
    def for_user(self, user):
        if user.is_superuser:
            return self
        return self.filter(department__in=Department.objects.for_user(user))


class BestBet(models.Model):
    department = models.ForeignKey(
        Department,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="best_bets",
        help_text=_(
            "The pin shows on this site's searches (the portal's: on the search of every site)."
        ),
    )
    query_terms = models.TextField(
        _("queries"),
        help_text=_(
            "One query per line. Accents and capitals do not matter: "
            "“quy hoach” also matches “Quy hoạch”. The whole query must match."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown in each language it is published in."),
    )
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("A short line under the title (optional)."),
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = BestBetQuerySet.as_manager()

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["department", "query_terms"]

    def __str__(self):
        return ", ".join(self.terms()) or str(self.pk)

    def terms(self):
        seen = []
        for line in (self.query_terms or "").splitlines():
            term = " ".join(line.split())
            if term and term.lower() not in (t.lower() for t in seen):
                seen.append(term)
        return seen

    def clean(self):
        errors = {}
        terms = self.terms()
        if not terms:
            errors["query_terms"] = _("Enter at least one query.")
        elif len(terms) > MAX_TERMS or any(len(t) > 200 for t in terms):
            errors["query_terms"] = _(
                "At most %(count)s queries of at most 200 characters each."
            ) % {"count": MAX_TERMS}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date is before the start date.")
        if self.page_id and self.department_id:
            from cms.publishing.sites import department_for_page

            owner = department_for_page(self.page)
            if owner is None or owner.pk != self.department_id:
                errors["page"] = _("Choose a page of this site.")
        if errors:
            raise ValidationError(errors)
