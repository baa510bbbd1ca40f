"""Gunicorn settings for production: ``gunicorn -c govlab/gunicorn.conf.py``.

Read from the environment (bin/serve-production passes it through):

WEB_CONCURRENCY          worker processes (default: 2 per CPU core)
GUNICORN_THREADS         threads per worker (default 2)
GUNICORN_BIND            address to listen on (default 127.0.0.1:8000, behind a proxy)
GUNICORN_TIMEOUT         seconds before a stuck worker is restarted (default 30)
GUNICORN_MAX_REQUESTS    requests before a worker is replaced (default 5000, 0 = never)
GUNICORN_ACCESS_LOG      "-" for stdout or a file; off by default (the proxy logs)

Every thread of every worker may hold one PostgreSQL connection (CONN_MAX_AGE), so
workers x threads, on every app server together, must stay below the server's
max_connections.
"""

import multiprocessing
import os

wsgi_app = "govlab.wsgi:application"

# Pages are mostly CPU work in Python, so processes, not threads, use the cores; a
# few threads per worker cover the time spent waiting on PostgreSQL and Redis.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Django, the URL map and the Thai dictionary load once in the master and are shared
# by the workers copy-on-write: less memory, faster restarts. Nothing opens a
# database connection at import time, so no connection is shared across the fork.
preload_app = True

# A worker is replaced after this many requests (spread out so they are not all
# replaced at once), which bounds any slow growth in its memory.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Heartbeat files on tmpfs: on a disk they can stall a worker into a timeout.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# No runtime control socket (gunicorn 25.1+): it is not used, and its one default
# path per user would be taken over by a second server on the same machine.
control_socket_disable = True


def when_ready(server):
    """Load what every worker needs once, in the master, before the workers fork.

    Otherwise each worker does it on its first requests, which then take a second
    or more, and again whenever max_requests replaces it: the URL map imports every
    view (DRF, the admin, the API schema), the Thai and English catalogues are
    parsed, and the Thai word list is read on the first Thai search (about 10 MB,
    shared by the workers instead of copied into each; govlab/thai_dictionary.py).
    gc.freeze() keeps the collector from touching, and so copying, the objects the
    workers share.
    """
    import gc
    from importlib import import_module

    from django.conf import settings
    from django.db import connections
    from django.utils import translation

    from govlab.search import parse_query

    import_module(settings.ROOT_URLCONF)
    for language in ("th", "en"):
        with translation.override(language):
            translation.gettext("Search")
    parse_query("การค้นหาบริการ")
    # Nothing above should query, but a connection opened here would be shared by
    # every forked worker: make sure none is.
    connections.close_all()
    gc.freeze()
