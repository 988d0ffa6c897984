"""The public feedback API: `POST /api/feedback/` and `GET /api/feedback/<code>`.

The static sites live on other origins, so Django's CSRF cookie cannot work
here; instead every POST must come from a site origin listed in
dist/sites.json (Origin header, or Referer when a browser sends no Origin),
carry an empty honeypot field, stay under the size limits and the per-IP
rate limit. Plain form posts get a 303 to the form's `next` URL with the
tracking code; fetch() with `Accept: application/json` gets 201 JSON.

Logs carry only the tracking code and the department slug.
"""

import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.rich_text import expand_db_html

from . import ratelimit
from .forms import HONEYPOT_FIELD, FeedbackForm
from .models import FeedbackSubmission
from .notifications import notify_moderators
from .origins import is_allowed_origin, origin_of, safe_redirect_target

logger = logging.getLogger(__name__)

# Room for the text fields and multipart overhead on top of the attachment.
FORM_OVERHEAD_BYTES = 64 * 1024
CORS_MAX_AGE = "600"
# Looking up a code is cheap and people reload: allow more than for sending,
# but still few enough that guessing 10-character codes is hopeless.
LOOKUP_RATE_MULTIPLIER = 20


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def form_language(request):
    """The language of the page the form was sent from (its hidden `lang` field).

    The sender reads our messages on that page (inline or on the error page), so
    they follow the page, not the browser's Accept-Language.
    """
    lang = request.POST.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else translation.get_language()


def request_origin(request):
    """The caller's origin from Origin, falling back to Referer; None if neither."""
    origin = request.headers.get("Origin")
    if origin:
        return origin
    referer = request.headers.get("Referer")
    return origin_of(referer) if referer else None


def with_cors(request, response):
    response["Vary"] = "Origin"
    origin = request.headers.get("Origin")
    if origin and is_allowed_origin(origin):
        response["Access-Control-Allow-Origin"] = origin
    return response


def error_response(request, status, errors, *, message=None, headers=None):
    """JSON for fetch() callers, a small HTML page for plain form posts."""
    message = message or _("Your message could not be sent.")
    if wants_json(request):
        response = JsonResponse({"error": message, "errors": errors}, status=status)
    else:
        response = render(
            request,
            "feedback/error.html",
            {"message": message, "errors": errors},
            status=status,
        )
    for name, value in (headers or {}).items():
        response[name] = value
    return with_cors(request, response)


def add_query(url, **params):
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    return urlunsplit(parts._replace(query=urlencode([*query, *params.items()])))


def preflight(request):
    response = HttpResponse(status=204)
    if is_allowed_origin(request.headers.get("Origin")):
        response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        response["Access-Control-Max-Age"] = CORS_MAX_AGE
    return with_cors(request, response)


@csrf_exempt
@require_http_methods(["POST", "OPTIONS"])
def submit(request):
    if request.method == "OPTIONS":
        return preflight(request)

    if not is_allowed_origin(request_origin(request)):
        return error_response(
            request, 403, {}, message=_("Send the form from one of the portal's sites.")
        )
    max_body = settings.FEEDBACK_MAX_ATTACHMENT_BYTES + FORM_OVERHEAD_BYTES
    try:
        content_length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        content_length = 0
    if content_length > max_body:
        return error_response(
            request,
            413,
            {"attachment": [_("The attachment is too large.")]},
            message=_("The message is too large."),
        )
    with translation.override(form_language(request)):
        return _accept(request)


def _accept(request):
    """Everything after the checks that need no body: rate limit, honeypot, form."""
    retry_after = ratelimit.hit(request)
    if retry_after:
        return error_response(
            request,
            429,
            {},
            message=_("Too many messages from your connection. Please try again later."),
            headers={"Retry-After": str(retry_after)},
        )
    if request.POST.get(HONEYPOT_FIELD):
        logger.info("feedback rejected: honeypot filled")
        return error_response(request, 400, {}, message=_("Your message looks like spam."))

    form = FeedbackForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = {field: [str(e) for e in messages] for field, messages in form.errors.items()}
        return error_response(request, 400, errors)

    with transaction.atomic():
        submission = form.save()
        transaction.on_commit(lambda: notify_moderators(submission))
    logger.info("feedback %s received for %s", submission.code, submission.department.slug)

    if wants_json(request):
        payload = {"code": submission.code, "status": submission.status}
        return with_cors(request, JsonResponse(payload, status=201))
    target = safe_redirect_target(request.POST.get("next"))
    if target is None:
        # No usable thank-you URL: show the code here rather than lose it.
        return render(request, "feedback/thank_you.html", {"code": submission.code}, status=201)
    response = HttpResponse(status=303)
    response["Location"] = add_query(target, code=submission.code)
    return response


@csrf_exempt
@require_http_methods(["GET", "OPTIONS"])
def status(request, code):
    """Status and public answer only; never the sender's name, contact or message."""
    if request.method == "OPTIONS":
        return preflight(request)
    retry_after = ratelimit.hit(request, scope="lookup", multiplier=LOOKUP_RATE_MULTIPLIER)
    if retry_after:
        response = JsonResponse(
            {"error": _("Too many lookups. Please try again later.")}, status=429
        )
        response["Retry-After"] = str(retry_after)
        return with_cors(request, response)
    submission = (
        FeedbackSubmission.objects.filter(code=code.strip().upper())
        .select_related("qa_page")
        .first()
    )
    if submission is None:
        response = JsonResponse({"error": _("No question with this tracking code.")}, status=404)
        return with_cors(request, response)
    answered = submission.status == FeedbackSubmission.Status.ANSWERED
    published_page = submission.qa_page if submission.qa_page_id else None
    payload = {
        "code": submission.code,
        "status": submission.status,
        "status_label": submission.get_status_display(),
        "received_date": submission.created_at.date().isoformat(),
        "question": submission.public_question if submission.consent_to_publish else "",
        "answer_html": expand_db_html(submission.answer) if answered else "",
        "answered_date": (
            submission.answered_at.date().isoformat() if answered and submission.answered_at else ""
        ),
        "published": bool(published_page and published_page.live),
    }
    response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return with_cors(request, response)
