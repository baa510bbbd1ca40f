"""CORS and methods: anyone may read the API from any origin, nobody may write."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://data.go.th"


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/projects/", "/api/v1/agencies/", "/api/v1/events/"]
)
def test_get_from_another_origin_is_allowed(client, path):
    """A GET with an Origin header is answered for any origin."""
    response = client.get(path, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_reading_only(client):
    """A preflight is answered with GET (and HEAD, OPTIONS) but no writing method."""
    response = client.options(
        "/api/v1/projects/",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/projects/", "/api/v1/projects/x/"])
def test_writing_is_405(client, make_project, method, path):
    """Every writing method is refused with 405 and a JSON body."""
    make_project(slug="x")
    response = getattr(client, method)(path, {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "GET" in response["Allow"]
    assert "POST" not in response["Allow"]


def test_public_pages_send_no_cors_headers(client):
    """CORS is opened for the API only, not for the HTML pages."""
    response = client.get("/en/projects/", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response
