"""Settings for the Gov Lab Registry, read from the environment.

DATABASE_URL   absent: an SQLite file beside manage.py; postgres://... : PostgreSQL
SECRET_KEY     required unless DEBUG is on
DEBUG          "1", "true" or "yes" turns it on; off by default
ALLOWED_HOSTS  comma-separated host names
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a "
            "long random string, for example the output of "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))', "
            "or set DEBUG=1 for local development."
        )
    # Development only: a fixed key is harmless because DEBUG never runs in production.
    SECRET_KEY = "django-insecure-development-only-key"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Origins (https://registry.example.go.th) trusted to post forms, when a proxy in front
# changes the scheme or host that Django sees.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS and security headers: strict unless DEBUG, so that bin/serve keeps working
# over plain http. Behind a TLS proxy, TRUST_X_FORWARDED_PROTO=1 lets Django see
# https (only if the proxy always sets or strips X-Forwarded-Proto); a proxy that
# redirects to https itself may take that over with SECURE_SSL_REDIRECT=0.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers' health checks ask over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_flag("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading binds the whole registrable domain for years and is accepted only for
# one (not registry.example.go.th): a decision for the domain's owner, off by default.
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD")
if SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: the admin's forms and ours carry the token.
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere, the admin's included (tests/govlab/test_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Staff must verify a code from an authenticator app to use the admin
# (govlab/admin_site.py). Recommended in production, once each staff account has one.
OTP_REQUIRED_FOR_STAFF = env_flag("OTP_REQUIRED_FOR_STAFF")
# The issuer shown in authenticator apps beside each code.
OTP_TOTP_ISSUER = "Gov Lab Registry"

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    # Django's admin app, whose admin.site asks staff for a second factor when
    # OTP_REQUIRED_FOR_STAFF is on (govlab/admin_site.py).
    "govlab.admin_apps.RegistryAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "axes",
    "reversion",
    "import_export",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "govlab",
    "agencies",
    "projects",
    "events",
    "accounts",
    "updates",
    "alerts",
    "api",
    "stats",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so stored pages get the policy too.
    "csp.middleware.CSPMiddleware",
    # Static files straight after the security headers, before any other work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, so API responses carry their CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions and locale: a stored page for an anonymous visitor needs
    # neither. After CORS, whose headers depend on the caller.
    "govlab.page_cache.PageCacheMiddleware",
    "govlab.db_router.ReplicaRoutingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks whether this session was verified by an authenticator app's code.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees every login attempt, the admin's included.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password
    # is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "govlab.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "govlab.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Read replicas (optional): comma-separated URLs. Anonymous visitors' GET requests
# read from them; every write, and everything a signed-in user does, uses the primary,
# so nobody misses their own change while a replica catches up.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        ),
        # Tests read the primary's test database through the replica's name.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
DATABASE_ROUTERS = ["govlab.db_router.ReplicaRouter"] if DATABASE_REPLICAS else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_PASSWORD_VALIDATION}.MinimumLengthValidator"},
    {"NAME": f"{_PASSWORD_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_PASSWORD_VALIDATION}.NumericPasswordValidator"},
]

# Thai is the default and required language; English is second.
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", _("Thai")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "th"
MODELTRANSLATION_LANGUAGES = ("th", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("th",)
# The tabbed admin loads jQuery UI from a CDN unless told otherwise: serve our copy.
# modeltranslation reads this setting without its MODELTRANSLATION_ prefix.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))

# Uploaded files: MEDIA_ROOT on local disk, or an S3-compatible bucket when
# S3_BUCKET is set, so that app servers keep no state of their own.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production, collectstatic writes each file under a name with its hash and
    # compressed copies, which WhiteNoise serves to be cached for ever; the tests
    # keep the plain storage (tests/conftest.py), so they need no collectstatic.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            # Any S3-compatible service: MinIO, Ceph, a cloud provider's.
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            # Attachments are private: only the checking view hands them out.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Attachments are served through a view that checks who may see them, never
# straight from MEDIA_ROOT.
MEDIA_URL = "/media-not-served/"

PROJECTS_PER_PAGE = 20

# The cache: local memory (one process) unless CACHE_URL names a Redis server,
# which every app server then shares.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "govlab"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Anonymous pages are kept this many seconds at most (0 turns the page cache off);
# any change to public records retires them at once (govlab/page_cache.py). Off by
# default without CACHE_URL: each process's own memory would miss the changes made
# through the other gunicorn workers.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "300" if CACHE_URL else "0")
)
PAGE_CACHE_ALIAS = "default"

# Sessions: in the database by default (PostgreSQL in production); "cache" keeps
# them in Redis only, "cached_db" in both (reads from Redis, survives its restart).
SESSION_STORE = os.environ.get("SESSION_STORE", "db")
_SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
if SESSION_STORE not in _SESSION_ENGINES:
    raise ImproperlyConfigured(
        f"SESSION_STORE must be one of {', '.join(_SESSION_ENGINES)}, "
        f"not {SESSION_STORE!r}."
    )
if SESSION_STORE != "db" and not CACHE_URL:
    raise ImproperlyConfigured(
        f"SESSION_STORE={SESSION_STORE} keeps sessions in the cache: set CACHE_URL "
        "to a Redis server, or every app process would have its own sessions."
    )
SESSION_ENGINE = _SESSION_ENGINES[SESSION_STORE]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Email goes to the console unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Gov Lab Registry <govlab-registry@localhost>"
)
# Links in emails (password set-up, reminders) start with this address.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Repeated failed logins on any login page lock the account and the address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Attachments to progress updates: images and PDF only, checked by content.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(5 * 1024 * 1024)))
ATTACHMENT_MAX_PIXELS = 40_000_000

# A project with no published update for this many days is stale; each agency is
# reminded of its stale projects at most once per reminder period.
STALE_AFTER_DAYS = int(os.environ.get("STALE_AFTER_DAYS", "90"))
STALE_REMINDER_PERIOD_DAYS = int(os.environ.get("STALE_REMINDER_PERIOD_DAYS", "30"))

# An import is all or nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The read-only open-data API: JSON, anyone may read it from any origin.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gov Lab Registry API",
    "DESCRIPTION": (
        "Read-only open data of Thailand's Government Innovation Lab: projects, "
        "agencies and events, in Thai and English."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
