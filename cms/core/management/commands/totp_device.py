"""Set up (or remove) the TOTP authenticator of an admin account."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Give USERNAME a new TOTP authenticator and print the key to add to an "
        "authenticator app (any previous one stops working), or --remove it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--remove", action="store_true", help="remove the authenticator")

    def handle(self, *args, username, remove, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username})
        user = user.first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        if remove:
            self.stdout.write(f"Removed {removed} authenticator(s) of {username}.")
            return
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        self.stdout.write(
            f"Authenticator of {username} set up. Add it to the app by scanning a QR code "
            f"of this URI, or by typing the key:\n"
            f"  URI: {device.config_url}\n"
            f"  key: {device.config_url.split('secret=')[1].split('&')[0]}\n"
            "Show it to the account holder only; it is a secret."
        )
