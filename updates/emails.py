"""Emails telling an agency's staff what OPDC decided on what the agency submitted.

Each goes to every active member of the agency with an email address, one message
per member so that no one sees another's address, in Thai then English. Called
after the review's transaction commits: a decision rolled back is never announced.
"""

from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from agencies.models import Agency
from updates.models import ProjectProposal, ProjectUpdate, ReviewStatus

# Thai first: the site's default language and the one every agency reads.
EMAIL_LANGUAGES = ("th", "en")
EMAIL_SEPARATOR = "\n\n" + "-" * 60 + "\n\n"


def send_update_reviewed(*, update: ProjectUpdate) -> int:
    """Tell the agency that its progress update was approved, returned or rejected."""
    project = update.project

    def context() -> dict:
        return {
            "update": update,
            "project": project,
            "approved": update.status == ReviewStatus.APPROVED,
            "returned": update.status == ReviewStatus.RETURNED,
            "workspace_url": _url("workspace:project-detail", slug=project.slug),
            "public_url": _site(project.get_absolute_url())
            if project.is_published
            else "",
        }

    return _send(agency=update.agency, template="update_reviewed", context=context)


def send_proposal_reviewed(*, proposal: ProjectProposal) -> int:
    """Tell the agency that its project proposal was approved, returned or rejected."""
    project = proposal.project
    returned = proposal.status == ReviewStatus.RETURNED

    def context() -> dict:
        if project is not None:
            workspace_url = _url("workspace:project-detail", slug=project.slug)
        elif returned:
            workspace_url = _url("workspace:proposal-edit", pk=proposal.pk)
        else:
            workspace_url = _url("workspace:dashboard")
        return {
            "proposal": proposal,
            "approved": proposal.status == ReviewStatus.APPROVED,
            "returned": returned,
            "workspace_url": workspace_url,
            "public_url": _site(project.get_absolute_url()) if project else "",
        }

    return _send(agency=proposal.agency, template="proposal_reviewed", context=context)


def recipients(*, agency: Agency) -> list[str]:
    """The addresses of the agency's active members, each once."""
    emails = (
        Membership.objects.filter(agency=agency, user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )
    return list(dict.fromkeys(emails))


def _send(*, agency: Agency, template: str, context) -> int:
    addresses = recipients(agency=agency)
    if not addresses:
        return 0
    subject, body = _render(template, context)
    messages = [
        mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in addresses
    ]
    with mail.get_connection() as connection:
        return connection.send_messages(messages)


def _render(template: str, context) -> tuple[str, str]:
    """The subject and text, Thai then English; context() is built per language."""
    subjects, bodies = [], []
    for language in EMAIL_LANGUAGES:
        with translation.override(language):
            values = context()
            subject = render_to_string(f"updates/emails/{template}_subject.txt", values)
            subjects.append(" ".join(subject.split()))
            bodies.append(
                render_to_string(f"updates/emails/{template}.txt", values).strip()
            )
    # Until the Thai catalogue has the subject, both would read the same.
    return " / ".join(dict.fromkeys(subjects)), EMAIL_SEPARATOR.join(bodies) + "\n"


def _url(name: str, **kwargs) -> str:
    return _site(reverse(name, kwargs=kwargs or None))


def _site(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
