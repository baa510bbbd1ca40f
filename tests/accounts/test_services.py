import pytest
from django.core.exceptions import ValidationError

from accounts.services import account_invite

pytestmark = pytest.mark.django_db


def test_invitation_is_in_thai_then_english(reporter, mailoutbox, settings):
    """One email: the Thai text and link first, then the English ones."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    account_invite(user=reporter)
    (message,) = mailoutbox
    assert message.to == ["somsri@dlt.go.th"]
    thai, english = message.body.split("----------")
    assert "กรมการขนส่งทางบก" in thai and "somsri" in thai
    assert "https://govlab.opdc.go.th/th/accounts/reset/" in thai
    assert "https://govlab.opdc.go.th/th/accounts/login/" in thai
    assert "Department of Land Transport (Reporter)" in english
    assert "https://govlab.opdc.go.th/en/accounts/reset/" in english
    assert "for 3 days" in english
    assert message.subject.endswith(
        " / Your Gov Lab Registry account: choose your password"
    )


def test_invitation_needs_an_email_address(reporter, mailoutbox):
    """An account without an address cannot be invited."""
    reporter.email = ""
    with pytest.raises(ValidationError):
        account_invite(user=reporter)
    assert mailoutbox == []


def test_inactive_account_is_not_invited(reporter, mailoutbox):
    """A deactivated account gets no link."""
    reporter.is_active = False
    with pytest.raises(ValidationError):
        account_invite(user=reporter)
    assert mailoutbox == []
