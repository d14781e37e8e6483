"""gunicorn settings for MI Site (`gunicorn mi_site.wsgi` reads this file from the working
directory; each can be overridden on the command line or with GUNICORN_* variables below).

Sync workers: every request is short (pages come from the cache or from a few indexed
queries), and a sync worker that hangs is killed by `timeout` rather than blocking others.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual rule for sync workers: two per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Longer than the database's statement timeout (DB_STATEMENT_TIMEOUT, 10 s) so a slow query
# answers the designed 503 before gunicorn kills the worker; uploads of large PDFs included.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak in a library never grows without bound; rarely,
# because a new worker starts with an empty local-memory cache and pays Django's start-up (at
# 3,000 cached pages a second, 5,000 requests was a restart per worker every three seconds).
max_requests = 200_000
max_requests_jitter = 20_000
# nginx in front sets X-Forwarded-For/-Proto; trust it only from the proxy's address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# "-": standard output (journald under systemd); an empty value turns the log off (the bench).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# Who, what, the answer, its size, how long it took (microseconds), and whether the page
# cache answered (X-Cache: hit).
access_log_format = (
    '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(D)sus "%(f)s" "%(a)s" cache=%({x-cache}o)s'
)
