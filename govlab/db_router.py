"""Read replicas for anonymous browsing; the primary for everything else.

Only GET requests from visitors without a session read from a replica: they cannot
have written anything a replica might still lack. Writes, signed-in users (who
expect to see their own change at once), management commands and tests read the
primary. Used only when DATABASE_REPLICA_URLS names replicas.
"""

import random
from contextvars import ContextVar

from django.conf import settings

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reads_from_replica.get() and settings.DATABASE_REPLICAS:
            return random.choice(settings.DATABASE_REPLICAS)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous_read = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        token = _reads_from_replica.set(anonymous_read)
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)
