"""Stateless app servers: cache, sessions, files and replicas set by the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import router

from govlab import db_router
from projects.models import Project

ROOT = Path(__file__).resolve().parents[2]

SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "sessions": settings.SESSION_ENGINE,
    "files": settings.STORAGES["default"]["BACKEND"],
    "bucket": settings.STORAGES["default"].get("OPTIONS", {}).get("bucket_name"),
    "databases": sorted(settings.DATABASES),
    "replica_host": settings.DATABASES.get("replica1", {}).get("HOST"),
    "replica_mirror": (
        settings.DATABASES.get("replica1", {}).get("TEST", {}).get("MIRROR")
    ),
    "routers": settings.DATABASE_ROUTERS,
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
}))
"""

SCALE_OUT_VARIABLES = {
    "CACHE_URL",
    "SESSION_STORE",
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "DATABASE_REPLICA_URLS",
    "DATABASE_URL",
    "PAGE_CACHE_SECONDS",
}


def settings_with(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in SCALE_OUT_VARIABLES
    }
    environment.update(SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="govlab.settings")
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_defaults_need_no_other_service():
    result = settings_with()
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["cache"].endswith("LocMemCache")
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["files"].endswith("FileSystemStorage")
    assert shown["databases"] == ["default"]
    assert shown["routers"] == []
    assert shown["health_checks"] is True
    # Each gunicorn worker's own memory would miss the others' invalidations.
    assert shown["page_cache_seconds"] == 0


def test_redis_cache_sessions_object_storage_and_replicas_from_the_environment():
    result = settings_with(
        DATABASE_URL="postgres://govlab@db-primary:5432/govlab",
        CACHE_URL="redis://cache.internal:6379/0",
        SESSION_STORE="cached_db",
        S3_BUCKET="govlab-attachments",
        S3_ENDPOINT_URL="https://objects.example.go.th",
        DATABASE_REPLICA_URLS=(
            "postgres://govlab@db-replica-a:5432/govlab,"
            "postgres://govlab@db-replica-b:5432/govlab"
        ),
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["cache_location"] == "redis://cache.internal:6379/0"
    assert shown["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert shown["files"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "govlab-attachments"
    assert shown["databases"] == ["default", "replica1", "replica2"]
    assert shown["replica_host"] == "db-replica-a"
    assert shown["replica_mirror"] == "default"
    assert shown["routers"] == ["govlab.db_router.ReplicaRouter"]
    assert shown["page_cache_seconds"] == 300


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SESSION_STORE": "cache"}, "set CACHE_URL to a Redis server"),
        ({"SESSION_STORE": "files"}, "SESSION_STORE must be one of db, cache"),
    ],
)
def test_a_session_store_that_cannot_work_is_refused_clearly(env, message):
    result = settings_with(**env)
    assert result.returncode != 0
    assert message in result.stderr


class TestReplicaRouter:
    @pytest.fixture(autouse=True)
    def replicas(self, settings):
        settings.DATABASE_REPLICAS = ["replica1", "replica2"]

    def read_alias(self, rf, method="get", **cookies):
        seen = {}

        def view(request):
            seen["alias"] = db_router.ReplicaRouter().db_for_read(Project)
            return None

        request = getattr(rf, method)("/th/projects/")
        request.COOKIES.update(cookies)
        db_router.ReplicaRoutingMiddleware(view)(request)
        return seen["alias"]

    def test_anonymous_reads_go_to_a_replica(self, rf):
        assert self.read_alias(rf) in {"replica1", "replica2"}

    def test_signed_in_users_and_posts_read_the_primary(self, rf, settings):
        assert self.read_alias(rf, sessionid="abc") == "default"
        assert self.read_alias(rf, method="post") == "default"

    def test_writes_and_work_outside_a_request_use_the_primary(self):
        assert db_router.ReplicaRouter().db_for_read(Project) == "default"
        assert db_router.ReplicaRouter().db_for_write(Project) == "default"
        assert not db_router.ReplicaRouter().allow_migrate("replica1", "projects")
        assert db_router.ReplicaRouter().allow_migrate("default", "projects")

    def test_without_replicas_everything_reads_the_primary(self, rf, settings):
        settings.DATABASE_REPLICAS = []
        assert self.read_alias(rf) == "default"


def test_django_uses_the_router_when_configured(settings, rf):
    """The setting really reaches Django's router, not only our class."""
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.DATABASE_ROUTERS = ["govlab.db_router.ReplicaRouter"]
    seen = {}

    def view(request):
        seen["alias"] = router.db_for_read(Project)

    db_router.ReplicaRoutingMiddleware(view)(rf.get("/th/"))
    assert seen["alias"] == "replica1"
    assert router.db_for_write(Project) == "default"


def test_attachments_can_live_in_s3_compatible_storage(settings, tmp_path):
    """With a bucket configured, a file goes to the bucket and nothing to disk."""
    from moto import mock_aws

    settings.MEDIA_ROOT = str(tmp_path)
    with mock_aws():
        import boto3

        boto3.client("s3", region_name="us-east-1").create_bucket(
            Bucket="govlab-attachments"
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "govlab-attachments",
                    "region_name": "us-east-1",
                    "access_key": "testing",
                    "secret_key": "testing",
                    "default_acl": "private",
                    "querystring_auth": True,
                    "file_overwrite": False,
                },
            },
        }
        storage = storages["default"]
        name = storage.save("attachments/รายงานผล.pdf", ContentFile(b"%PDF-1.4 test"))
        assert storage.exists(name)
        with storage.open(name, "rb") as stored:
            assert stored.read() == b"%PDF-1.4 test"
        listed = boto3.client("s3", region_name="us-east-1").list_objects_v2(
            Bucket="govlab-attachments"
        )
        assert [item["Key"] for item in listed["Contents"]] == [name]
    assert list(tmp_path.iterdir()) == []
