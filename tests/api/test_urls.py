"""The API's own address."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_address_leads_to_the_current_version(client):
    """/api/ redirects to /api/v1/, whose root names the three lists."""
    response = client.get("/api/", follow=True)
    assert response.redirect_chain == [("/api/v1/", 302)]
    assert set(response.json()) == {"projects", "agencies", "events"}
