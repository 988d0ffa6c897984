"""Where feedback attachments live: a private folder, never under MEDIA_ROOT.

Attachments carry personal data, so they are not served by any URL; staff
download them through the admin only. The folder is read from settings on
every access so tests (and deployments) can move it.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateAttachmentStorage(FileSystemStorage):
    @property
    def base_location(self):
        return str(settings.FEEDBACK_ATTACHMENT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        # No public URL: the files are only reachable through the admin.
        return None
