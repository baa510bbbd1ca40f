"""Delete uploads held for a workspace form that nobody came back to save."""

import datetime

from django.core.management.base import BaseCommand

from updates.services import attachment_purge_held


class Command(BaseCommand):
    help = "Delete attachments held for an unsaved workspace form for over a day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Age in hours after which a held attachment is deleted (24).",
        )

    def handle(self, *args, hours, **options):
        count = attachment_purge_held(older_than=datetime.timedelta(hours=hours))
        self.stdout.write(f"Deleted {count} held attachment(s).")
