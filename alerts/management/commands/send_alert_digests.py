"""Email each confirmed alert subscription what changed in its list: the daily job.

Run once a day, for example from cron at 07:00 Bangkok time:

    0 7 * * * cd /srv/govlab && .venv/bin/python manage.py send_alert_digests

A subscription gets an email only when published projects of its list were added
or updated since its last digest; running more often only sends sooner. Also
deletes subscriptions whose confirmation link expired unused. --dry-run shows
what would be sent and changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts.digests import DigestRun, digests_send


class Command(BaseCommand):
    help = (
        "Email each confirmed alert subscription the published projects of its "
        "list added or updated since its last digest. Meant to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent; send, record and delete nothing.",
        )

    def handle(self, *args, dry_run, **options):
        run = digests_send(now=timezone.now(), dry_run=dry_run)
        self.write_summary(run, dry_run=dry_run)
        if run.failed:
            # A non-zero exit, so that cron reports it; they are retried next run.
            raise CommandError(
                f"{len(run.failed)} digest(s) could not be sent; they will be "
                "sent with the next run."
            )

    def write_summary(self, run: DigestRun, *, dry_run: bool) -> None:
        verb = "Would send" if dry_run else "Sent"
        # Subscription ids and counts only: the output ends up in cron mail and
        # logs, and subscribers' addresses must not.
        for digest in run.sent:
            self.stdout.write(
                f"{verb} subscription {digest.subscription.pk}: "
                f"{digest.new_count} new, {digest.updated_count} updated"
            )
        for digest in run.failed:
            self.stderr.write(f"Not sent subscription {digest.subscription.pk}")
        for subscription in run.invalid:
            self.stdout.write(
                self.style.WARNING(
                    f"Skipped subscription {subscription.pk}: its filters are no "
                    "longer valid"
                )
            )
        self.stdout.write(
            f"{len(run.sent)} digest(s) {'to send (dry run)' if dry_run else 'sent'}, "
            f"{run.quiet} subscription(s) with nothing new, "
            f"{run.forgotten} unconfirmed subscription(s) deleted."
        )
