"""Email each agency a reminder of its stale projects: the daily cron job.

Run once a day, for example from cron at 08:00 Bangkok time:

    0 8 * * * cd /srv/govlab && .venv/bin/python manage.py send_stale_reminders

An agency is reminded at most once every STALE_REMINDER_PERIOD_DAYS days, so running
it more often sends nothing new. --dry-run shows what would be sent; --today runs as
if on another day (for testing).
"""

import argparse
import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from updates.reminders import ReminderRun, reminders_send


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from error


class Command(BaseCommand):
    help = (
        "Email the members of each agency with stale published projects a list of "
        "them, at most once per reminder period. Meant to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent; send and record nothing.",
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            help="Run as if today were this date (YYYY-MM-DD); for testing.",
        )

    def handle(self, *args, dry_run, today, **options):
        run = reminders_send(today=today or timezone.localdate(), dry_run=dry_run)
        self.write_summary(run, dry_run=dry_run)

    def write_summary(self, run: ReminderRun, *, dry_run: bool) -> None:
        verb = "Would remind" if dry_run else "Reminded"
        # Counts only: the output ends up in cron mail and logs, so no addresses.
        for reminder in run.reminders:
            self.stdout.write(
                f"{verb} {reminder.agency.slug}: {len(reminder.projects)} stale "
                f"project(s), {len(reminder.recipients)} member(s)"
            )
        for agency in run.recently_reminded:
            self.stdout.write(f"Skipped {agency.slug}: reminded within the period")
        for agency in run.without_recipients:
            self.stdout.write(
                self.style.WARNING(f"Skipped {agency.slug}: no member with an email")
            )
        self.stdout.write(
            f"{run.today.isoformat()}: {len(run.reminders)} agency(ies), "
            f"{run.email_count} email(s) {'to send (dry run)' if dry_run else 'sent'}."
        )
