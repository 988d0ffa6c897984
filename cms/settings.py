"""Settings for the Cổng CMS, read from the environment.

One module, no star-import chains: every knob is an environment variable (or a
line in the git-ignored `.env` that `make setup` writes for development).
Production sets DEBUG=0 and must then provide SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import dotenv_values

BASE_DIR = Path(__file__).resolve().parent.parent
CMS_DIR = BASE_DIR / "cms"

# Process environment wins over .env, which is only a development convenience.
ENV = {**dotenv_values(BASE_DIR / ".env"), **os.environ}


def env_str(name, default=""):
    value = ENV.get(name)
    return default if value is None or value == "" else value


def env_bool(name, default=False):
    value = ENV.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = env_str(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else list(default)


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (run `make setup` for a development .env)."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
DIST_DIR = Path(env_str("DIST_DIR", str(BASE_DIR / "dist")))

INSTALLED_APPS = [
    "cms.core",
    "cms.departments",
    "cms.news",
    "cms.documents",
    "cms.planning",
    "cms.investment",
    "cms.procedures",
    "cms.feedback",
    "cms.searchpromotions",
    "cms.publishing",
    "cms.scheduler",
    "cms.demo",
    # Before wagtail_localize and wagtail.admin: it extends their templates.
    "cms.editorial",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.editorial.middleware.LiveNoticeMiddleware",
    "cms.core.two_factor_setup.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the build read while an editor saves.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login lockout (django-axes): AXES_FAILURE_LIMIT failed logins for one
# username from one address lock that pair for AXES_COOLOFF_HOURS; the right
# password is refused meanwhile. Behind a proxy every client has the proxy's
# address, so this then amounts to a lock per username (docs/security.md).
AUTHENTICATION_BACKENDS = [
    "cms.core.auth_backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env_str("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

# TOTP two-factor sign-in (cms/core/two_factor.py): accounts with an
# authenticator must give its code; ADMIN_2FA_REQUIRED (on by default in
# production, off with DEBUG=1 for the demo) makes every admin user enrol one
# on first sign-in (cms/core/two_factor_setup.py).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.core.two_factor.TwoFactorLoginForm"
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("WAGTAIL_SITE_NAME", "Cổng")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese is the source locale, English the translation.
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# The CMS catalogue first (it wins), then a supplement that translates the Wagtail admin
# strings Wagtail's own sparse vi catalogue leaves in English.
LOCALE_PATHS = [CMS_DIR / "locale", CMS_DIR / "locale" / "wagtail_admin"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Media (images, documents): MEDIA_ROOT on this host (default), or an S3-compatible
# bucket (MinIO, AWS, any S3 API) so that CMS and worker hosts share it without a
# shared volume. Credentials come from the standard AWS_ACCESS_KEY_ID /
# AWS_SECRET_ACCESS_KEY environment variables (boto3's chain), never from here.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "local":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    if not env_str("MEDIA_S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET.")
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("MEDIA_S3_BUCKET"),
            "location": env_str("MEDIA_S3_PREFIX", "media"),
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,  # MinIO: http://minio:9000
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "addressing_style": env_str("MEDIA_S3_ADDRESSING_STYLE") or None,  # MinIO: path
            # Same name uploaded twice: a new key, never a silent overwrite.
            "file_overwrite": False,
            "default_acl": None,
            # Signed URLs in the admin unless the bucket is served publicly.
            "querystring_auth": env_bool("MEDIA_S3_SIGNED_URLS", True),
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks: immediate in development, a database queue with
# `manage.py db_worker` in production (TASKS_BACKEND=database).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[env_str("TASKS_BACKEND", "immediate")],
        "QUEUES": ["default"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Cổng")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend with Vietnamese folded (cms/core/admin_search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.core.admin_search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip", "rar", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads as an attachment (never rendered inline by the
# browser), and its bytes must match its extension (cms/core/validators.py).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.upload_forms.SafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.upload_forms.SafeImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Page slugs are ASCII: Vietnamese folded, đ → d (cms/core/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Static build and publish
BUILD_BASE_URL = env_str("BUILD_BASE_URL", "http://127.0.0.1:8080")
# The CMS's public feedback endpoint (https://cms.<province>.gov.vn/api/feedback/), given
# to production builds of every site whose sites/<slug>.toml does not set its own.
PUBLIC_FEEDBACK_ENDPOINT = env_str("PUBLIC_FEEDBACK_ENDPOINT")
SEARCH_API_URL = env_str("SEARCH_API_URL", "http://127.0.0.1:8090/api/search")
# The search index (search/config.py builds the search package's configuration from these)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
SEARCH_INDEX = env_str("SEARCH_INDEX", "cong-search")
SEARCH_INDEX_PATH = Path(env_str("SEARCH_INDEX_PATH", str(VAR_DIR / "search-index")))
# Publish on save (cms/publishing): page changes queue a build of their site;
# builds queued within PUBLISH_SETTLE_SECONDS coalesce (database task backend).
PUBLISH_ON_SAVE = env_bool("PUBLISH_ON_SAVE", True)
PUBLISH_SETTLE_SECONDS = float(env_str("PUBLISH_SETTLE_SECONDS", "3"))
PUBLISH_TARGET = env_str("PUBLISH_TARGET") or None  # overrides every site's publish.target
PUBLISH_BUILD_PROCESSES = int(env_str("PUBLISH_BUILD_PROCESSES", "1"))  # render processes
PUBLISH_STALE_SECONDS = float(env_str("PUBLISH_STALE_SECONDS", "3600"))  # a running build is dead

# Questions and feedback from the public sites (cms/feedback)
FEEDBACK_RETENTION_DAYS = int(env_str("FEEDBACK_RETENTION_DAYS", "730"))
FEEDBACK_MAX_ATTACHMENT_BYTES = int(env_str("FEEDBACK_MAX_ATTACHMENT_BYTES", str(5 * 1024 * 1024)))
# "<requests>/<seconds>" per client IP address.
FEEDBACK_RATE_LIMIT = env_str("FEEDBACK_RATE_LIMIT", "5/600")
# Addresses of our own reverse proxies: behind them the rate limit counts the
# client address they forward (X-Forwarded-For), not theirs.
FEEDBACK_TRUSTED_PROXIES = env_list("FEEDBACK_TRUSTED_PROXIES")
FEEDBACK_ATTACHMENT_ROOT = Path(env_str("FEEDBACK_ATTACHMENT_ROOT", str(VAR_DIR / "feedback")))
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-reply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Passwords in connection URLs and secret settings never reach the logs.
    "filters": {"redact_secrets": {"()": "cms.core.log_filters.RedactSecretsFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "pelican": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "cong.scheduler": {"level": "INFO"},
    },
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's page preview shows the page in an iframe of the admin itself, which
# DENY would break; SAMEORIGIN still refuses every other site (clickjacking).
SILENCED_SYSTEM_CHECKS = ["security.W019"]
