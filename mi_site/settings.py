"""MI Site settings, driven by environment variables (see the README's configuration table).

With no variables set this is the embedded default for development only when DEBUG is on:
SQLite in the project folder, local-memory cache, media in ./media. With DEBUG off (the
default) the site refuses to start without a real SECRET_KEY and ALLOWED_HOSTS.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (or set DEBUG=1 for local development)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (len(SECRET_KEY) < 32 or SECRET_KEY == _DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 32 random characters."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set ALLOWED_HOSTS to the site's host names, comma "
            "separated (e.g. ALLOWED_HOSTS=www.mekonginstitute.org)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Django's admin, with the site of mi_site/core/admin_site.py as `admin.site`.
    "mi_site.core.admin_site.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_ckeditor_5",
    "reversion",
    # Accounts and security: login lockout, two-factor login, Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "mi_site.core",
    "documents",
    "images",  # the media library: every picture, its renditions and where it is used
    "programs",
    "people",
    "news",
    "mi_site",
    "mi_site.pages",
    "mi_site.search",  # site search: the index, its signals and migrations (README, "Search")
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy (public or admin), Permissions-Policy; outside the page cache.
    "mi_site.core.headers.SecurityHeadersMiddleware",
    # Anonymous pages from the cache, before sessions and everything else (a hit runs no SQL).
    "mi_site.core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); publishers and site administrators must pass two-factor
    # login before any admin page (mi_site/accounts/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "mi_site.accounts.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # An address the site answers 404 for is looked up in the redirects table (old links).
    "mi_site.core.redirects.RedirectFallbackMiddleware",
    # A database error in a view answers the designed 503 with Retry-After, not a 500.
    "mi_site.pages.middleware.DatabaseOutageMiddleware",
    # Login lockout (django-axes): its documentation wants it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mi_site.urls"
WSGI_APPLICATION = "mi_site.wsgi.application"

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
                # The main menu and footer, read only when a template shows them.
                "mi_site.pages.navigation.site_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("CONN_MAX_AGE", default=600),
        conn_health_checks=True,
    )
}
# A database that hangs must not hold a worker until the WSGI server kills it. PostgreSQL only
# (SQLite keeps its own lock `timeout`): connect_timeout bounds connecting, startup packet and
# authentication included; statement_timeout makes a live server cancel a slow query (0 sends
# none, so the role's or server's own setting applies, as migrations on a large table may
# need); TCP keepalives and tcp_user_timeout drop a connection whose server host vanished
# mid-query. A server process that hangs while its host still acknowledges packets is beyond
# what libpq can detect: the WSGI server's worker timeout is the last guard.
if DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis")):
    _statement_timeout = env.int("DB_STATEMENT_TIMEOUT", default=10_000)  # milliseconds
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=3),  # seconds
        **({"options": f"-c statement_timeout={_statement_timeout}"} if _statement_timeout else {}),
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": env.int("DB_TCP_USER_TIMEOUT", default=15_000),  # milliseconds
        # Options given in DATABASE_URL (?sslmode=require&...) win over these defaults.
        **DATABASES["default"].get("OPTIONS", {}),
    }
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The news list's covering indexes (INCLUDE) are a PostgreSQL feature; SQLite builds them
    # without the extra columns, which costs a development database nothing worth a warning
    # on every `make run`.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# A Redis that refuses or never answers costs a request at most this long (seconds) before
# the page cache stops asking it for a while (mi_site/core/pagecache.py).
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.25)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Per worker process; Django's default (300 entries) is less than a site's pages.
            "OPTIONS": {"MAX_ENTRIES": env.int("LOCMEM_CACHE_ENTRIES", default=5000)},
        }
    }

# The anonymous page cache (mi_site/core/pagecache.py, contentversion.py): pages are kept
# until the content changes, at most PAGE_CACHE_SECONDS and never past the next scheduled
# change; browsers keep a page PAGE_BROWSER_SECONDS and shared caches (nginx, a CDN)
# PAGE_SHARED_SECONDS, then ask again with its ETag. With the local-memory cache, the content
# version lives in CONTENT_VERSION_FILE, which the worker processes of one machine share;
# more than one machine needs REDIS_URL.
# Off by default with DEBUG on (`make run`): a template being edited must show at once.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
PAGE_BROWSER_SECONDS = env.int("PAGE_BROWSER_SECONDS", default=60)
PAGE_SHARED_SECONDS = env.int("PAGE_SHARED_SECONDS", default=60)
CONTENT_VERSION_FILE = env.path("CONTENT_VERSION_FILE", default=BASE_DIR / ".content-version")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Bangkok")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Media on S3-compatible object storage (AWS S3, MinIO, Wasabi, DigitalOcean Spaces ...) when
# S3_BUCKET is set, through django-storages; otherwise files under MEDIA_ROOT, which the
# proxy serves (deploy/nginx.conf). Files keep their random names and are never overwritten.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            # Public, unsigned addresses (the site's media is public), from a CDN if given.
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
        },
    }
# Larger uploads are refused with a message by mi_site.core.images, not by a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
# The largest PDF an editor may attach (mi_site.core.documents); the proxy in front must let
# a request of this size through (nginx: client_max_body_size).
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=25 * 1024 * 1024)

# Security: secure cookies and HTTPS whenever DEBUG is off.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# A refused CSRF check answers a 403 in the site's design that says what to do.
CSRF_FAILURE_VIEW = "mi_site.pages.errors.csrf_failure"

# Content-Security-Policy (django-csp 4): the public policy below; the admin and the editor's
# upload endpoint (STAFF_URL_PREFIXES) get CONTENT_SECURITY_POLICY_ADMIN from
# mi_site.core.headers. The README lists every exception the admin needs and why.
STAFF_URL_PREFIXES = ["/admin/", "/editor/"]
# Images from another origin: absolute MEDIA_URL or STATIC_URL (a CDN), the S3 bucket's
# address, and any listed in CSP_IMG_SRC.
_OFF_SITE = [
    f"{url.scheme}://{url.netloc}"
    for url in map(urlsplit, [MEDIA_URL, STATIC_URL])
    if url.scheme in ("http", "https")
]
if S3_BUCKET:
    _s3 = STORAGES["default"]["OPTIONS"]
    if _s3["custom_domain"]:
        _OFF_SITE.append(f"https://{_s3['custom_domain']}")
    elif _s3["endpoint_url"]:  # path-style or virtual-host addresses of another provider
        _endpoint = urlsplit(_s3["endpoint_url"])
        for _host in (_endpoint.netloc, f"{S3_BUCKET}.{_endpoint.netloc}"):
            _OFF_SITE.append(f"{_endpoint.scheme}://{_host}")
    else:
        _OFF_SITE.append(f"https://{S3_BUCKET}.s3.amazonaws.com")
        if _s3["region_name"]:
            _OFF_SITE.append(f"https://{S3_BUCKET}.s3.{_s3['region_name']}.amazonaws.com")
_OFF_SITE += env.list("CSP_IMG_SRC", default=[])
_CSP_BASE = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, *_OFF_SITE],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_BASE}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_BASE,
        # CKEditor 5 positions its panels, balloons and table handles with style attributes
        # (no <style> element: stylesheets still come from the site only).
        "style-src-attr": [UNSAFE_INLINE],
        # CKEditor 5 shows an image as a data: address while it uploads, and uses a data: GIF
        # as the placeholder of an image not yet loaded.
        "img-src": [SELF, "data:", *_OFF_SITE],
    }
}
# Browser features the site never uses, turned off for it and anything it embeds.
PERMISSIONS_POLICY = [
    "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "encrypted-media",
    "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
    "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial",
    "usb", "xr-spatial-tracking",
]  # fmt: skip

# Login lockout (django-axes): LOGIN_FAILURE_LIMIT wrong passwords for one username from one
# address lock that pair (not the address: an office behind one NAT keeps working, nor the
# username: nobody can lock a colleague out from elsewhere) for LOGIN_COOLOFF_MINUTES, counted
# from the last failure. Unlock earlier in the admin (Locked-out logins) or with
# `manage.py axes_reset_ip_username IP USERNAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mi_site.accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "mi_site.accounts.lockout.client_ip"
AXES_ENABLE_ADMIN = False  # mi_site/admin.py registers its own "Locked-out logins"
AXES_DISABLE_ACCESS_LOG = True  # successful logins: User.last_login is enough
AXES_VERBOSE = False
# Behind a proxy every request comes from the proxy's address: name the header in which it
# passes the client's (e.g. X-Forwarded-For) and how many proxies append to it.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Two-factor login (django-otp: TOTP apps and one-time backup codes), required of publishers,
# site administrators and superusers when on: by default whenever DEBUG is off.
MI_SITE_REQUIRE_2FA = env.bool("MI_SITE_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="MI Site")

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="MI Site <no-reply@localhost>")
# SMTP (production): EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10
# The address links in e-mails start with (the workflow's notifications).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# How long a preview share link works unless revoked first.
SHARE_LINK_DAYS = env.int("SHARE_LINK_DAYS", default=7)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

TAGGIT_CASE_INSENSITIVE = True
# Tags are separated by commas only, and shown without quotes (mi_site/core/tags.py).
TAGGIT_TAGS_FROM_STRING = "mi_site.core.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "mi_site.core.tags.edit_string"

# Rich text: CKEditor 5 with exactly the features the sanitiser allows (mi_site.core.richtext).
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "images:editor-upload"  # a media library image
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
# Who may drop images into the editor: staff holding any of these permissions.
RICHTEXT_UPLOAD_PERMISSIONS = [
    "news.change_article",
    "people.change_person",
    "programs.change_program",
    "programs.change_department",
    "pages.change_page",
]
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Heading",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Subheading",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Minor heading",
                    "class": "ck-heading_heading4",
                },
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"addTargetToExternalLinks": False, "defaultProtocol": "https://"},
        # The bundle ships every plugin; keep only what the sanitiser lets through, so an
        # editor never sees formatting that would silently vanish on save.
        "removePlugins": [
            "Markdown",
            "SourceEditing",
            "HtmlEmbed",
            "GeneralHtmlSupport",
            "FullPage",
            "Style",
            "MediaEmbed",
            "CodeBlock",
            "Code",
            "Font",
            "Highlight",
            "Alignment",
            "Underline",
            "Strikethrough",
            "Subscript",
            "Superscript",
            "IndentBlock",
            "ImageResize",
            "TableProperties",
            "TableCellProperties",
            "ListProperties",
            "TodoList",
            "Mention",
            "PageBreak",
            "HorizontalLine",
            "Autosave",
        ],
    },
}
