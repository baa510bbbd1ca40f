"""The alerts pages, in both languages and every state, are valid accessible HTML."""

import pytest

from alerts.models import Status
from alerts.tokens import confirm_token, unsubscribe_token
from tests.test_pages_html import check_accessible_structure, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(make_subscription, make_agency):
    make_agency(name_th="กรมการขนส่งทางบก", slug="dlt")
    pending = make_subscription(
        email="pending@example.com", filters={"agency": "dlt"}, status=Status.PENDING
    )
    confirmed = make_subscription(filters={"q": "ใบขับขี่"})
    return [
        ("get", "alerts/subscribe/?agency=dlt&fiscal_year=2563&q=ที่ดิน", {}, 200),
        ("get", "alerts/subscribe/?fiscal_year=abc", {}, 200),
        ("post", "alerts/subscribe/", {"email": "not an address"}, 200),
        ("get", "alerts/subscribe/check-your-email/", {}, 200),
        ("get", f"alerts/confirm/{confirm_token(pending.key)}/", {}, 200),
        ("get", f"alerts/confirm/{confirm_token(confirmed.key)}/", {}, 200),
        ("get", "alerts/confirm/nonsense/", {}, 404),
        ("get", f"alerts/unsubscribe/{unsubscribe_token(confirmed.key)}/", {}, 200),
        ("post", f"alerts/unsubscribe/{unsubscribe_token(pending.key)}/", {}, 200),
    ]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_alerts_pages_are_valid_accessible_html(client, pages, lang):
    """Each alerts page parses without an HTML error and meets the basics."""
    for method, path, data, status in pages:
        response = getattr(client, method)(f"/{lang}/{path}", data)
        assert response.status_code == status, path
        html = response.content.decode()
        check_accessible_structure(parse(html), html)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_project_list_links_to_alerts_with_its_filters(client, make_project, lang):
    """The list offers alerts for exactly its filters, without sort or page."""
    make_project()
    html = client.get(
        f"/{lang}/projects/", {"track": "agency", "sort": "title", "page": "1"}
    ).content.decode()
    assert f'href="/{lang}/alerts/subscribe/?track=agency"' in html


def test_project_list_with_bad_filters_offers_no_alert(client):
    """No alert link for a list whose filters are not valid."""
    html = client.get("/en/projects/", {"stage": "nope"}).content.decode()
    assert "/alerts/subscribe/" not in html
