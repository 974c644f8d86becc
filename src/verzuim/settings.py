"""Settings from environment variables (12-factor); every variable is listed in the README."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
# A checkout (also `pip install -e .`) keeps var/ and node_modules/ beside pyproject.toml; an
# installed package (`pip install .`) lives in site-packages and uses the working directory.
_CHECKOUT = BASE_DIR.parent.parent
PROJECT_DIR = _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else Path.cwd()
VAR_DIR = Path(os.environ.get("VERZUIM_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


DEMO = env_bool("VERZUIM_DEMO")
DEBUG = env_bool("VERZUIM_DEBUG", default=False)


def _secret_key() -> str:
    """VERZUIM_SECRET_KEY, else a random key kept in var/secret_key (single-machine install)."""
    if os.environ.get("VERZUIM_SECRET_KEY"):
        return os.environ["VERZUIM_SECRET_KEY"]
    import secrets

    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get("VERZUIM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("VERZUIM_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
BASE_URL = os.environ.get("VERZUIM_BASE_URL", "http://127.0.0.1:8000")

# HTTPS (issue 8 §2). Production runs behind a TLS-terminating proxy, so the secure settings
# are the default outside demo and debug (which serve plain http on 127.0.0.1); each can be
# overridden. SECURE_PROXY_SSL_HEADER is opt-in: trusting X-Forwarded-Proto is only safe when
# the proxy sets (overwrites) it, so the operator names the header.
SECURE_BY_DEFAULT = not (DEMO or DEBUG)
SECURE_SSL_REDIRECT = env_bool("VERZUIM_SECURE_SSL_REDIRECT", SECURE_BY_DEFAULT)
SESSION_COOKIE_SECURE = env_bool("VERZUIM_SECURE_COOKIES", SECURE_BY_DEFAULT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(
    os.environ.get("VERZUIM_HSTS_SECONDS", str(365 * 24 * 3600 if SECURE_BY_DEFAULT else 0))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("VERZUIM_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("VERZUIM_HSTS_PRELOAD", default=False)
if os.environ.get("VERZUIM_PROXY_SSL_HEADER"):
    _header = os.environ["VERZUIM_PROXY_SSL_HEADER"].upper().replace("-", "_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_header}", "https")

INSTALLED_APPS = [
    # First, so its templates/admin/base_site.html extends (and adds to) the admin's own.
    "verzuim.web",
    "verzuim.web.apps.BeheerAdminConfig",  # django.contrib.admin with role check
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "verzuim.audit",
    "verzuim.organisaties",
    "verzuim.accounts",
    "verzuim.brieven",
    "verzuim.personen",
    "verzuim.meldingen",
    "verzuim.signalen",
    "verzuim.dossiers",
    "verzuim.cijfers",
    "verzuim.privacy",
    "verzuim.api",
]

MIDDLEWARE = [
    "verzuim.audit.middleware.RequestIdMiddleware",
    "verzuim.api.middleware.ApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "verzuim.web.csp.CSPMiddleware",  # django-csp, header built once
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "verzuim.accounts.tweefactor.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (issue 8 §2), in every mode: only this origin's files; no inline
# script or style (templates keep JS and CSS in static files, htmx's indicator CSS included),
# no eval, no framing. data: images are the NL Design System CSS's inline SVG icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if os.environ.get("VERZUIM_CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [os.environ["VERZUIM_CSP_REPORT_URI"]]

ROOT_URLCONF = "verzuim.urls"
APPEND_SLASH = False

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
                "verzuim.web.context.layout",
            ]
        },
    }
]

WSGI_APPLICATION = "verzuim.wsgi.application"

# Persistent connections, checked once per request before reuse: after a database restart
# a stale connection is replaced instead of failing the request (issue 8 §4).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'verzuim.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # libpq waits for an unreachable server without limit; `?connect_timeout=` in
    # DATABASE_URL overrides this.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "verzuim.accounts.backends.RolPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Two-factor authentication is required for staff; only demo mode may switch it off.
VERZUIM_2FA_REQUIRED = True if not DEMO else env_bool("VERZUIM_2FA", default=False)
OTP_TOTP_ISSUER = "Verzuimregister"

AXES_FAILURE_LIMIT = int(os.environ.get("VERZUIM_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("VERZUIM_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# The demo runs without DEBUG (it shows the product's own error pages) but from a checkout
# whose static files may change while it runs: look them up per request, as DEBUG would.
WHITENOISE_AUTOREFRESH = DEBUG or DEMO

EMAIL_BACKEND = os.environ.get(
    "VERZUIM_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEMO
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("VERZUIM_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("VERZUIM_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("VERZUIM_EMAIL_FROM", "noreply@verzuimregister.example")

TASKS = {
    "default": {"BACKEND": os.environ.get("VERZUIM_TASKS_BACKEND", "verzuim.taken.DatabaseBackend")}
}

# BRP adapter (R-ID-3): "lokaal" (store in this database) or "haal-centraal".
BRP_BACKEND = os.environ.get("VERZUIM_BRP_BACKEND", "lokaal")
BRP_URL = os.environ.get("VERZUIM_BRP_URL", "")
BRP_API_KEY = os.environ.get("VERZUIM_BRP_API_KEY", "")
BRP_TIMEOUT = float(os.environ.get("VERZUIM_BRP_TIMEOUT", "5"))
BRP_RETRIES = int(os.environ.get("VERZUIM_BRP_RETRIES", "2"))

# Signals (R-SG-2): school days after an uitschrijving before absoluut verzuim is signalled.
SIGNALEN_RESPIJT_SCHOOLDAGEN = int(os.environ.get("VERZUIM_SIGNALEN_RESPIJT_SCHOOLDAGEN", "10"))
# Figures (issue 11, R-FG-2): cells of the public benchmark below this count are hidden,
# with complementary cells so they cannot be recomputed from totals.
VERZUIM_SUPPRESSIE_DREMPEL = int(os.environ.get("VERZUIM_SUPPRESSIE_DREMPEL", "5"))
# Retention (R-PR-4, `verzuim bewaartermijnen`): years, defaults after the Selectielijst
# gemeenten (rules.bewaartermijnen.BewaarPolicy).
VERZUIM_BEWAARTERMIJNEN = {
    veld: int(os.environ[f"VERZUIM_BEWAARTERMIJN_{naam}"])
    for veld, naam in (
        ("leerplicht_jaren_na_geboorte", "LEERPLICHT"),
        ("kwalificatieplicht_jaren_na_einde", "KWALIFICATIEPLICHT"),
        ("rmc_jaren", "RMC"),
        ("wpg_jaren", "WPG"),
    )
    if os.environ.get(f"VERZUIM_BEWAARTERMIJN_{naam}")
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["verzuim.api.auth.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["verzuim.api.auth.HasScope"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "verzuim.api.problems.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "verzuim.api.pagination.Paginering",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["verzuim.api.renderers.OrjsonRenderer"],
    "DEFAULT_PARSER_CLASSES": ["verzuim.api.renderers.OrjsonParser"],
    "UNAUTHENTICATED_USER": None,
}
API_VERSION = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Verzuimregister API",
    "DESCRIPTION": "Meldingen van schoolverzuim, routering, statussen en registergegevens.",
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Paths are relative to the server URL, which carries the major version (ADR uri-version).
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "Dit register (versie 1)"}],
    "CONTACT": {
        "name": "Beheer Verzuimregister",
        "email": "beheer@verzuimregister.example",
        "url": "https://verzuimregister.example",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "verzuim.api.schema.api_version_header",
        "verzuim.api.schema.database_unavailable_response",
    ],
    "CAMELIZE_NAMES": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("VERZUIM_LOG_LEVEL", "WARNING")},
}

# Lockout is per username: town halls and schools sit behind one shared NAT address, so a
# per-IP lockout would lock out a whole office after one person's typos.
# HSTS preload (W021) is the domain owner's decision for the whole registrable domain (the
# municipality's), not this application's: off by default, VERZUIM_HSTS_PRELOAD=1 opts in.
SILENCED_SYSTEM_CHECKS = ["axes.W006", "security.W021"]
