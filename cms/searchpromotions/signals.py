"""Re-export the best bets when one changes, or when a page they may point to does."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .export import export_quietly
from .models import BestBet


def _export_after_commit(**kwargs):
    transaction.on_commit(export_quietly)


@receiver(post_save, sender=BestBet)
@receiver(post_delete, sender=BestBet)
def best_bet_changed(sender, **kwargs):
    _export_after_commit()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    # Title, URL or liveness of a pinned page (or of its translation) may have changed.
    if BestBet.objects.filter(page__translation_key=instance.translation_key).exists():
        _export_after_commit()
