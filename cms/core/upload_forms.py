"""Admin upload forms for documents and images that check what they store.

Wagtail builds every document and image form (single upload, multiple upload,
edit) from the base classes named by WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE, so these two classes are the one place uploads
pass through. Wagtail itself checks extensions, sizes, image formats and the
pixel count (WAGTAILIMAGES_MAX_IMAGE_PIXELS); these add the content check for
documents and a safe file name for both.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from cms.core.validators import safe_filename, validate_document_content


class OneFileErrorMixin:
    """A refused file gets one clear message, not a second one about an empty name.

    When clean_file refuses the upload, the form has no file, so the model's
    own validation then checks an empty file name and adds Django's English
    'File extension “” is not allowed. Allowed extensions are: …'.
    """

    def _post_clean(self):
        refused = len(self._errors.get("file", ()))
        super()._post_clean()
        if refused and "file" in self._errors:
            del self._errors["file"][refused:]


class SafeDocumentForm(OneFileErrorMixin, BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a new upload is an UploadedFile; an unchanged file on the edit
        # form is the stored one, checked when it was uploaded.
        if isinstance(file, UploadedFile):
            file.name = safe_filename(file.name)
            validate_document_content(file)
        return file


class SafeImageForm(OneFileErrorMixin, BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            file.name = safe_filename(file.name)
        return file
