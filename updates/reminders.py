"""Reminders to agencies whose published projects have gone stale.

Run daily by the send_stale_reminders command. Each agency that leads or takes part
in a stale published project gets one email per member listing its stale projects,
then a ReminderLog; an agency reminded within settings.STALE_REMINDER_PERIOD_DAYS is
left alone. A run costs a fixed number of queries plus one log row per agency
reminded, however many projects and members there are.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core import mail
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Membership
from agencies.models import Agency
from projects.freshness import stale_projects
from projects.models import Project
from updates.models import ReminderLog

# Thai first: the site's default language and the one every agency reads.
EMAIL_LANGUAGES = ("th", "en")
EMAIL_SEPARATOR = "\n\n" + "-" * 60 + "\n\n"


@dataclass
class Reminder:
    """One agency's stale projects and the addresses of its members."""

    agency: Agency
    projects: list[Project] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


@dataclass
class ReminderRun:
    """What a run sends (or, on a dry run, would send) and which agencies it skips."""

    today: datetime.date
    reminders: list[Reminder] = field(default_factory=list)
    recently_reminded: list[Agency] = field(default_factory=list)
    without_recipients: list[Agency] = field(default_factory=list)

    @property
    def email_count(self) -> int:
        return sum(len(reminder.recipients) for reminder in self.reminders)


def reminders_send(*, today: datetime.date, dry_run: bool = False) -> ReminderRun:
    """Email each agency due a reminder and log it; a dry run only reports.

    Not one transaction: an email cannot be unsent, so each agency's log is written
    as soon as its emails are out, and an agency whose sending failed is tried again
    on the next run.
    """
    run = reminders_due(today=today)
    if dry_run or not run.reminders:
        return run
    with mail.get_connection() as connection:
        for reminder in run.reminders:
            subject, body = _render(reminder)
            # One message per member: members do not see each other's addresses.
            connection.send_messages(
                [
                    mail.EmailMessage(
                        subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]
                    )
                    for recipient in reminder.recipients
                ]
            )
            # Values computed here, not typed by anyone: no full_clean() needed,
            # and skipping it saves a query per agency.
            ReminderLog.objects.create(
                agency=reminder.agency, project_count=len(reminder.projects)
            )
    return run


def reminders_due(*, today: datetime.date) -> ReminderRun:
    """The reminders a run on the given day would send, and the agencies it skips."""
    run = ReminderRun(today=today)
    by_agency = _stale_projects_by_agency(today=today)
    if not by_agency:
        return run
    reminded = _recently_reminded_ids(today=today, agency_ids=by_agency.keys())
    recipients = _recipients_by_agency(agency_ids=by_agency.keys() - reminded)
    for agency_id, reminder in sorted(
        by_agency.items(), key=lambda item: item[1].agency.slug
    ):
        if agency_id in reminded:
            run.recently_reminded.append(reminder.agency)
        elif not recipients.get(agency_id):
            run.without_recipients.append(reminder.agency)
        else:
            reminder.recipients = recipients[agency_id]
            run.reminders.append(reminder)
    return run


def _stale_projects_by_agency(*, today: datetime.date) -> dict[int, Reminder]:
    projects = (
        stale_projects(today=today)
        .select_related("lead_agency")
        .prefetch_related("participating_agencies")
        # Never reported on first, then the longest silent.
        .order_by(F("last_reported_on").asc(nulls_first=True), "slug")
    )
    by_agency: dict[int, Reminder] = {}
    for project in projects:
        agencies = [project.lead_agency, *project.participating_agencies.all()]
        for agency in {a.pk: a for a in agencies if a is not None}.values():
            by_agency.setdefault(agency.pk, Reminder(agency=agency))
            by_agency[agency.pk].projects.append(project)
    return by_agency


def _recently_reminded_ids(*, today: datetime.date, agency_ids) -> set[int]:
    # Whole local days, so a daily cron job that runs a few seconds earlier than
    # the day before still reminds on the day the period ends.
    first_day = today - datetime.timedelta(days=settings.STALE_REMINDER_PERIOD_DAYS - 1)
    since = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    return set(
        ReminderLog.objects.filter(
            agency_id__in=agency_ids, sent_at__gte=since
        ).values_list("agency_id", flat=True)
    )


def _recipients_by_agency(*, agency_ids) -> dict[int, list[str]]:
    rows = (
        Membership.objects.filter(agency_id__in=agency_ids, user__is_active=True)
        .exclude(user__email="")
        .order_by("agency_id", "user__email")
        .values_list("agency_id", "user__email")
    )
    recipients: dict[int, list[str]] = {}
    for agency_id, email in rows:
        emails = recipients.setdefault(agency_id, [])
        if email not in emails:
            emails.append(email)
    return recipients


def _render(reminder: Reminder) -> tuple[str, str]:
    """The subject and text, Thai then English."""
    subjects, bodies = [], []
    for language in EMAIL_LANGUAGES:
        with translation.override(language):
            context = {
                "agency": reminder.agency,
                "projects": [
                    {"project": project, "url": _workspace_project_url(project)}
                    for project in reminder.projects
                ],
                "stale_after_days": settings.STALE_AFTER_DAYS,
                "period_days": settings.STALE_REMINDER_PERIOD_DAYS,
            }
            subject = render_to_string(
                "updates/emails/stale_reminder_subject.txt", context
            )
            subjects.append(" ".join(subject.split()))
            bodies.append(
                render_to_string("updates/emails/stale_reminder.txt", context).strip()
            )
    # Until the Thai catalogue has the subject, both would read the same.
    subject = " / ".join(dict.fromkeys(subjects))
    return subject, EMAIL_SEPARATOR.join(bodies) + "\n"


def _workspace_project_url(project: Project) -> str:
    """The project's page in the agency workspace, in the active language."""
    path = reverse("workspace:project-detail", kwargs={"slug": project.slug})
    return f"{settings.SITE_URL}{path}"
