"""Fill the database with synthetic records for load tests and benchmarks.

    python manage.py load_synthetic_data            # national scale
    python manage.py load_synthetic_data --clear --projects 300 --agencies 20

Synthetic agencies, issue areas, events and projects have slugs starting with
"synthetic-" and numbered, clearly fictitious names; they never link to the demo or
any other agency. --clear deletes them (and their updates) first, nothing else.
"""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from govlab.synthetic.clear import synthetic_data_clear
from govlab.synthetic.load import Request, SyntheticDataPresent, synthetic_data_load
from govlab.synthetic.progress import ProgressBar

UPDATES_PER_PROJECT = 2


def count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= 0")
    return number


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic Thai and English records: fictitious "
        "agencies (slugs synthetic-...), issue areas, events, projects with their "
        "stage history, and progress updates. The same --seed gives the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--projects", type=count, default=100_000, help="Default 100000."
        )
        parser.add_argument("--agencies", type=count, default=500, help="Default 500.")
        parser.add_argument("--events", type=count, default=5_000, help="Default 5000.")
        parser.add_argument(
            "--updates",
            type=count,
            help=(
                "Progress updates in all, shared among the projects (older ones "
                f"get more); default {UPDATES_PER_PROJECT} per project."
            ),
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Another seed, other data. Default 1."
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete the synthetic records already there first (nothing else).",
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        if options["clear"]:
            started = time.monotonic()
            deleted = synthetic_data_clear()
            if verbose:
                elapsed = time.monotonic() - started
                self.stdout.write(
                    f"Deleted {deleted} synthetic rows in {elapsed:.1f} s."
                )
        updates = options["updates"]
        request = Request(
            projects=options["projects"],
            agencies=options["agencies"],
            events=options["events"],
            updates=UPDATES_PER_PROJECT * options["projects"]
            if updates is None
            else updates,
            seed=options["seed"],
        )
        if (request.projects or request.events) and not request.agencies:
            raise CommandError("Projects and events need --agencies 1 or more.")
        progress = ProgressBar(total=request.work, write=self.draw if verbose else None)
        started = time.monotonic()
        try:
            written = synthetic_data_load(request=request, progress=progress)
        except SyntheticDataPresent as error:
            raise CommandError(
                "Synthetic records are already there: add --clear to replace them."
            ) from error
        finally:
            progress.close()
        if verbose:
            for label, rows in written.items():
                self.stdout.write(f"{label}: {rows}")
            elapsed = time.monotonic() - started
            self.stdout.write(f"Loaded synthetic data in {elapsed:.1f} s.")

    def draw(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()
