"""Subscribing to a filtered project list: double opt-in, no leaks, no floods."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import Status, Subscription
from tests.alerts.conftest import ADDRESS

pytestmark = pytest.mark.django_db

LAND_TRANSPORT = "department-of-land-transport"


@pytest.fixture
def land_transport(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug=LAND_TRANSPORT,
    )


def subscribe(client, lang="th", email=ADDRESS, **filters):
    return client.post(f"/{lang}/alerts/subscribe/", {"email": email, **filters})


def test_subscribe_page_describes_the_list_in_thai(client, land_transport):
    """The form names the list it subscribes to, with the agency's Thai name."""
    response = client.get(
        "/th/alerts/subscribe/",
        {"agency": LAND_TRANSPORT, "fiscal_year": "2563", "sort": "title"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "กรมการขนส่งทางบก" in html
    assert "ปีงบประมาณ 2563" in html
    assert f'name="agency" value="{LAND_TRANSPORT}"' in html
    assert 'name="sort"' not in html


def test_subscribe_saves_a_pending_subscription_and_emails_thai(client, land_transport):
    """A Thai page's subscription is pending and gets a Thai confirmation email."""
    response = subscribe(client, agency=LAND_TRANSPORT, q="  ใบขับขี่   ออนไลน์ ")
    assert response.status_code == 302
    assert response["Location"] == "/th/alerts/subscribe/check-your-email/"
    subscription = Subscription.objects.get()
    assert subscription.status == Status.PENDING
    assert subscription.language == "th"
    assert subscription.filters == {"agency": LAND_TRANSPORT, "q": "ใบขับขี่ ออนไลน์"}
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert "กรมการขนส่งทางบก" in message.body
    assert "https://govlab.example/th/alerts/confirm/" in message.body
    assert "https://govlab.example/th/alerts/unsubscribe/" in message.body


def test_subscribe_from_english_page_emails_english(client, land_transport):
    """An English page's subscription is in English, links and all."""
    subscribe(client, lang="en", agency=LAND_TRANSPORT, stage="pilot")
    subscription = Subscription.objects.get()
    assert subscription.language == "en"
    [message] = mail.outbox
    assert message.subject == "Confirm your Gov Lab Registry email alert"
    assert "Department of Land Transport" in message.body
    assert "Stage: Pilot" in message.body
    assert "https://govlab.example/en/alerts/confirm/" in message.body


def test_sort_and_page_are_not_part_of_the_list(client):
    """Two requests for the same filters in another order and sort are one list."""
    subscribe(client, stage="pilot", track="agency", sort="title", page="3")
    subscribe(client, track="agency", stage="pilot", sort="stage")
    assert Subscription.objects.get().filters == {"track": "agency", "stage": "pilot"}


def test_invalid_filters_are_refused_and_nothing_is_saved(client):
    """A bad filter value gives the page with the error, no subscription, no email."""
    response = subscribe(client, lang="en", fiscal_year="2020", stage="nope")
    html = response.content.decode()
    assert response.status_code == 200
    assert "These filters are not valid" in html
    assert "Give the fiscal year as a Buddhist Era year" in html
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_invalid_filters_in_the_link_show_the_error(client):
    """Following the link from a list with a bad filter explains, with no form."""
    response = client.get("/th/alerts/subscribe/", {"agency": "no-such-agency"})
    assert response.status_code == 200
    assert 'name="email"' not in response.content.decode()


def test_same_address_twice_is_one_subscription(client, land_transport):
    """Subscribing again to the same list does not duplicate it."""
    subscribe(client, agency=LAND_TRANSPORT)
    subscribe(client, email=ADDRESS.upper(), agency=LAND_TRANSPORT)
    assert Subscription.objects.count() == 1


def test_repeat_resends_the_confirmation_after_an_hour(client):
    """A pending subscription gets its link again, but not twice in an hour."""
    subscribe(client, track="agency")
    subscribe(client, track="agency")
    assert len(mail.outbox) == 1
    Subscription.objects.update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=61)
    )
    subscribe(client, track="agency")
    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 1


def test_an_address_gets_few_confirmations_an_hour(client, settings):
    """The form cannot be used to flood an inbox with confirmation emails."""
    settings.ALERTS_CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 2
    for stage in ("idea", "prototype", "pilot", "adopted"):
        response = subscribe(client, stage=stage)
        assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_a_network_address_gets_few_requests_an_hour(client, settings):
    """Past the per-network limit the form says so and sends nothing."""
    settings.ALERTS_SUBSCRIBES_PER_CLIENT_PER_HOUR = 2
    for n in range(2):
        subscribe(client, email=f"reader{n}@example.com")
    response = subscribe(client, lang="en", email="reader9@example.com")
    assert response.status_code == 429
    assert "Too many alert requests" in response.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("lang", ["th", "en"])
def test_response_does_not_reveal_whether_the_address_exists(
    client, make_subscription, lang
):
    """A new, a pending and a confirmed address get the very same response."""
    make_subscription(email="confirmed@example.com", filters={"track": "agency"})
    make_subscription(
        email="pending@example.com", filters={"track": "agency"}, status="pending"
    )
    responses = [
        subscribe(client, lang=lang, email=email, track="agency")
        for email in ("new@example.com", "pending@example.com", "confirmed@example.com")
    ]
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, f"/{lang}/alerts/subscribe/check-your-email/")
    }
    pages = {client.get(r["Location"]).content for r in responses}
    assert len(pages) == 1
    assert b"@example.com" not in pages.pop()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>@example.com",
        "somchai@example.com\r\nBcc: everyone@example.com",
        "somchai@example.com\x00",
        "' OR 1=1 --",
        "ก" * 10_000 + "@example.com",
        "สมชาย@ตัวอย่าง",
        "",
    ],
)
def test_hostile_email_gives_a_clear_error(client, hostile):
    """Anything but one plain address is refused with a message, never a 500."""
    response = subscribe(client, lang="en", email=hostile, track="agency")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "<script>alert(1)</script>" not in html
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_mail_server_failure_saves_nothing(client, monkeypatch):
    """If the confirmation cannot be sent, the visitor is told and can retry."""

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    response = subscribe(client, lang="en", track="agency")
    assert response.status_code == 503
    assert "could not send the confirmation email" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_hostile_search_words_are_kept_as_words(client):
    """Quotes, % and backslashes in the search become part of the list, safely."""
    response = subscribe(client, q="100% \\ 'กทม.\" OR 1=1 --")
    assert response.status_code == 302
    assert Subscription.objects.get().filters == {"q": "100% \\ 'กทม.\" OR 1=1 --"}
