"""Glimmers' one settings module. Everything that varies comes from the environment
(see docs/configuration.md); the helpers in glimmers.lib.env stop start-up with a
message naming the variable when a value is malformed."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from glimmers.lib import runtime
from glimmers.lib.datadir import data_dir, secret_key
from glimmers.lib.env import ConfigError, env_bool, env_int, env_list, env_path, env_str, env_url

DATA_DIR = data_dir()
DEBUG = env_bool("GLIMMERS_DEBUG", False)
SECRET_KEY = env_str("GLIMMERS_SECRET_KEY") or secret_key(DATA_DIR)

BASE_URL = env_url("GLIMMERS_BASE_URL", schemes=("http", "https")).rstrip("/")
ALLOWED_HOSTS = env_list("GLIMMERS_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS: list[str] = []
if BASE_URL:
    _base = urlsplit(BASE_URL)
    if _base.hostname and _base.hostname not in ALLOWED_HOSTS:
        ALLOWED_HOSTS.append(_base.hostname)
    CSRF_TRUSTED_ORIGINS.append(f"{_base.scheme}://{_base.netloc}")

# --- applications -------------------------------------------------------------------------------
# The data apps are all a command-line process needs; the web apps come only with a web process.
DATA_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "glimmers.accounts",
    "glimmers.journal",
    "glimmers.states",
    "glimmers.kit",
    "glimmers.practice",
    "glimmers.portability",  # on top of every app: export, backup, restore, erasure
]
WEB_APPS = [
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "glimmers",  # site-wide templates and static files
    "django_htmx",
    "template_partials",
    "csp",
    "ninja",
    "axes",
]
INSTALLED_APPS = DATA_APPS + WEB_APPS if runtime.web else list(DATA_APPS)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "glimmers.middleware.SignInRequiredMiddleware",
    "glimmers.middleware.PersonalTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "glimmers.middleware.PrivateCacheMiddleware",
    "axes.middleware.AxesMiddleware",
    "glimmers.middleware.RequestGuardMiddleware",  # innermost: the headers above wrap its refusals
]
if not runtime.web:
    MIDDLEWARE = []

ROOT_URLCONF = "glimmers.urls"
WSGI_APPLICATION = "glimmers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    }
]

# Widgets and labels written out in Python, the same markup as Django's templates (glimmers/form_renderer.py).
FORM_RENDERER = "glimmers.form_renderer.FormRenderer"

# --- database -----------------------------------------------------------------------------------
DATABASE_URL = env_url("DATABASE_URL", schemes=("postgres", "postgresql"))
if DATABASE_URL:
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    # Parameters bound by the server, and a statement this connection has run twice kept prepared: a page's
    # few small queries are parsed and planned once per connection, not on every request (about 5 ms of a
    # 25 ms search page at 100,000 glimmers). A pooler in transaction mode may not allow prepared
    # statements: GLIMMERS_PG_PREPARED=0 goes back to psycopg's plain client-side binding.
    if env_bool("GLIMMERS_PG_PREPARED", True):
        # Each run still planned for its own values: one plan for every search word would sort all the
        # matches of a common word as if it were rare (22 ms instead of 1).
        DATABASES["default"]["OPTIONS"] = {
            "server_side_binding": True,
            "prepare_threshold": 2,
            "options": "-c plan_cache_mode=force_custom_plan",
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "glimmers.sqlite3"),
            # Each server thread keeps its connection, rather than opening it and setting the pragmas
            # again for every request (about 1 ms each time).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # IMMEDIATE: a transaction that reads then writes would otherwise fail at once with
                # "database is locked" whatever the timeout (DESIGN §6).
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "journal:today"
LOGOUT_REDIRECT_URL = "accounts:sign_in"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "glimmers.accounts.passwords.NotLikeYourName"},
    {"NAME": "glimmers.accounts.passwords.LongEnough", "OPTIONS": {"min_length": 10}},
    {"NAME": "glimmers.accounts.passwords.NotCommon"},
    {"NAME": "glimmers.accounts.passwords.NotOnlyDigits"},
]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
if runtime.web:
    AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")

# Sign-in throttling (django-axes): a name+address pair rests for 15 minutes after 5 misses.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "glimmers.middleware.client_ip"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "glimmers.views.csrf_failure"

# --- security -----------------------------------------------------------------------------------
HTTPS = env_bool("GLIMMERS_HTTPS", False)
TRUST_PROXY = env_bool("GLIMMERS_TRUST_PROXY", False)
if TRUST_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SECURE_HSTS_SECONDS = env_int("GLIMMERS_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("GLIMMERS_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("GLIMMERS_HSTS_PRELOAD", False)
    # HSTS for every subdomain, and a place on the browsers' preload list, bind more than this one
    # app and are hard to undo, so they are the self-hoster's informed choice (off by default).
    # Django's deploy check warns about each while it is off; only then, and only for that reason,
    # is its warning silenced.
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, chosen in (("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS), ("security.W021", SECURE_HSTS_PRELOAD))
        if not chosen
    ]

_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
        "frame-ancestors": [_NONE],
        "form-action": [_SELF],
    }
}

# Bounded work per request (docs/api.md, "Limits"): the biggest body Glimmers reads (files, when they
# come, are counted apart) and the longest address, path and query together. gunicorn's own limit on
# the request line (glimmers.server) sits above URL_LIMIT, so Glimmers answers 414 itself, in JSON
# under /api/.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
URL_LIMIT = 4096

# --- places on disk -----------------------------------------------------------------------------
STATIC_URL = "/static/"
WHITENOISE_USE_FINDERS = True  # serve straight from the packages: no collectstatic step to forget
MEDIA_ROOT = env_path("GLIMMERS_MEDIA_DIR") or DATA_DIR / "media"
# Django chmods uploads to 644 whatever the umask; photos are as private as the journal.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
SUPPORT_FILE = env_path("GLIMMERS_SUPPORT_FILE")
if SUPPORT_FILE is not None and not SUPPORT_FILE.is_file():
    raise ConfigError(f"GLIMMERS_SUPPORT_FILE names {SUPPORT_FILE}, which is not a readable file.")
EMAIL_URL = env_url("GLIMMERS_EMAIL_URL", schemes=("smtp", "smtps"))

# --- language and time --------------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# --- logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "glimmers.lib.redact.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Replace Django's own console handler (it would bypass the redaction when debugging).
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
