"""Load the Gov Lab demo data: the agencies, issue areas, projects and events that
OPDC's press releases describe (see fixtures/). Safe to run again."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

# Agencies first so a reader of the files meets them before the records that use them;
# loaddata checks the references only once every file is in.
DEMO_FIXTURES = ("demo_agencies.json", "demo_projects.json", "demo_events.json")


class Command(BaseCommand):
    help = (
        "Load the Gov Lab demo data. Records have fixed primary keys, so running the "
        "command again updates them instead of adding copies."
    )

    def handle(self, *args, **options):
        paths = [str(settings.BASE_DIR / "fixtures" / name) for name in DEMO_FIXTURES]
        # The fixtures fill every language column (title_th, title_en, ...) themselves,
        # so modeltranslation must not copy one language into another. The untranslated
        # base column (title) is saved from the active language: keep it Thai, the
        # default language, whatever locale the shell runs in.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            call_command(
                "loaddata", *paths, populate=False, verbosity=options["verbosity"]
            )
