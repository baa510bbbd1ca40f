"""manage.py load_synthetic_data: fictitious, valid, searchable records at scale."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Agency
from events.models import Event, EventDateSpan
from govlab import page_cache
from govlab.search import fold
from govlab.synthetic import text, vocabulary
from projects.models import IssueArea, Project, StageChange, Track
from projects.search_text import project_search_text
from updates.models import ProjectUpdate, ReviewStatus, UpdateLink

pytestmark = pytest.mark.django_db

SMALL = {"projects": 300, "agencies": 20, "events": 30}
SYNTHETIC = {"slug__startswith": "synthetic-"}


def load(**options):
    call_command("load_synthetic_data", verbosity=0, **{**SMALL, **options})


def synthetic(model):
    return model.objects.filter(**SYNTHETIC)


def snapshot():
    """What a reader sees of the synthetic data, without database ids."""
    projects = synthetic(Project).order_by("slug")
    return (
        list(
            projects.values_list(
                "slug",
                "title_th",
                "title_en",
                "summary_th",
                "fiscal_year",
                "track",
                "stage",
                "is_published",
                "lead_agency__slug",
                "issue_area__slug",
                "origin_event__slug",
                "search_text",
            )
        ),
        sorted(
            ProjectUpdate.objects.filter(project__in=projects).values_list(
                "project__slug", "title_th", "body_th", "status", "reported_on"
            )
        ),
        list(
            synthetic(Event)
            .order_by("slug")
            .values_list("slug", "title_th", "kind", "date_spans__start")
        ),
        list(synthetic(Agency).values_list("slug", "name_th", "kind", "parent__slug")),
    )


def demo_rows():
    return {
        model: sorted(model.objects.exclude(**SYNTHETIC).values_list("pk", flat=True))
        for model in (Agency, IssueArea, Project, Event)
    }


def test_counts_match_the_options():
    """The command makes as many agencies, events, projects and updates as asked."""
    load(updates=450)
    assert synthetic(Agency).count() == 20
    assert synthetic(Event).count() == 30
    assert synthetic(Project).count() == 300
    assert ProjectUpdate.objects.count() == 450
    assert EventDateSpan.objects.count() >= 30


def test_updates_default_to_two_per_project():
    """Without --updates, projects get two progress updates each on average."""
    load()
    assert ProjectUpdate.objects.count() == 600


def test_the_same_seed_gives_the_same_data():
    """Cleared and loaded again with its seed, the data is the same; another seed
    gives other data."""
    load(seed=7)
    first = snapshot()
    load(seed=7, clear=True)
    assert snapshot() == first
    load(seed=8, clear=True)
    assert snapshot() != first


def test_loading_again_without_clear_is_refused():
    """A second load needs --clear: it would otherwise mix two registries."""
    load()
    with pytest.raises(CommandError, match="--clear"):
        load()
    assert synthetic(Project).count() == 300


def test_project_search_finds_synthetic_projects(client):
    """The project list's search finds synthetic projects by a Thai word."""
    load()
    html = client.get("/th/projects/?q=ที่ดิน").content.decode()
    shown = re.findall(r'<a href="/th/projects/(synthetic-project-\d+)/">', html)
    assert shown
    for project in Project.objects.filter(slug__in=shown):
        assert "ที่ดิน" in project.search_text


def test_search_text_is_what_the_signals_store():
    """Each project's search text is exactly what projects/signals.py would store."""
    load()
    projects = (
        synthetic(Project)
        .select_related("lead_agency", "issue_area")
        .prefetch_related("participating_agencies")
    )
    for project in projects:
        assert project.search_text == project_search_text(project), project.slug


def test_vocabulary_is_already_folded():
    """Every word list entry folds to its lower case, which the search text relies
    on to skip the slow fold()."""
    strings = [text.SYNTHETIC_NOTE[0], text.SYNTHETIC_NOTE[1]]
    stack = [getattr(vocabulary, name) for name in dir(vocabulary) if name.isupper()]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        else:
            stack.extend(item)
    assert len(strings) > 200
    assert [s for s in strings if fold(s) != s.lower()] == []


@pytest.mark.parametrize(
    "model",
    [Agency, IssueArea, Project, StageChange, Event, EventDateSpan]
    + [ProjectUpdate, UpdateLink],
)
def test_generated_records_pass_full_clean(model):
    """A sample of every kind of record passes the model's full validation."""
    load()
    records = model.objects.order_by("?")[:40]
    assert records
    for record in records:
        record.full_clean()


def test_synthetic_records_never_reference_demo_agencies():
    """With the demo data loaded, synthetic records use synthetic agencies only."""
    call_command("load_demo_data", verbosity=0)
    load()
    demo = Agency.objects.exclude(**SYNTHETIC)
    projects = synthetic(Project)
    assert not projects.filter(lead_agency__in=demo).exists()
    assert not projects.filter(participating_agencies__in=demo).exists()
    assert not projects.filter(consultants__in=demo).exists()
    assert not projects.exclude(origin_event=None).exclude(
        origin_event__slug__startswith="synthetic-"
    )
    assert not synthetic(Event).filter(organisers__in=demo).exists()
    assert not synthetic(Event).filter(partners__in=demo).exists()
    assert not ProjectUpdate.objects.filter(agency__in=demo).exists()
    names = synthetic(Agency).values_list("name_th", "name_en")
    assert all("สังเคราะห์" in th and "Synthetic" in en for th, en in names)


def test_clear_removes_synthetic_rows_and_keeps_demo_rows():
    """--clear deletes every synthetic record and nothing of the demo data."""
    call_command("load_demo_data", verbosity=0)
    before = demo_rows()
    demo_texts = dict(Project.objects.values_list("pk", "search_text"))
    load()
    load(clear=True, projects=0, agencies=0, events=0)
    assert demo_rows() == before
    assert dict(Project.objects.values_list("pk", "search_text")) == demo_texts
    for model in (Agency, IssueArea, Project, Event):
        assert not synthetic(model).exists()
    assert not ProjectUpdate.objects.exists()
    assert not StageChange.objects.exists()
    assert EventDateSpan.objects.count() == 6


def test_distributions_are_roughly_as_designed():
    """Both tracks, several fiscal years and stages, mostly published, most
    updates approved and some waiting for review."""
    load()
    projects = synthetic(Project)
    tracks = Counter(projects.values_list("track", flat=True))
    assert 0.1 < tracks[Track.SERVICE_ISSUE] / 300 < 0.4
    years = set(projects.values_list("fiscal_year", flat=True))
    assert len(years) >= 6 and years <= set(range(2561, 2570))
    assert len(set(projects.values_list("stage", flat=True))) >= 4
    assert 0.85 < projects.filter(is_published=True).count() / 300 < 1
    statuses = Counter(ProjectUpdate.objects.values_list("status", flat=True))
    assert statuses[ReviewStatus.APPROVED] / 600 > 0.7
    assert statuses[ReviewStatus.SUBMITTED] > 0
    assert len(set(synthetic(Event).values_list("kind", flat=True))) >= 4
    assert projects.exclude(origin_event=None).exists()


def test_stage_history_leads_to_each_projects_stage():
    """Stage changes chain from stage to stage in time order and end at the
    project's stage; those from an update come from an approved proposal of it."""
    load()
    for project in synthetic(Project).prefetch_related("stage_changes__update"):
        changes = sorted(project.stage_changes.all(), key=lambda c: c.changed_at)
        for before, after in zip(changes, changes[1:], strict=False):
            assert before.to_stage == after.from_stage
        if changes:
            assert changes[-1].to_stage == project.stage
        for change in changes:
            if change.update is not None:
                assert change.update.status == ReviewStatus.APPROVED
                assert change.update.proposed_stage == change.to_stage


def test_queries_do_not_grow_with_the_number_of_projects():
    """The load costs the same number of queries for 50 projects as for 300."""
    with CaptureQueriesContext(connection) as few:
        load(projects=50)
    load(clear=True, projects=0, agencies=0, events=0)
    with CaptureQueriesContext(connection) as many:
        load(projects=300)
    assert len(many) == len(few)


def test_progress_bar_on_stderr_and_silence_at_verbosity_0():
    """Operators see a progress bar on stderr; --verbosity 0 prints nothing."""
    out, err = StringIO(), StringIO()
    call_command("load_synthetic_data", stdout=out, stderr=err, **SMALL)
    assert "100%" in err.getvalue()
    assert "projects.Project: 300" in out.getvalue()
    out, err = StringIO(), StringIO()
    call_command(
        "load_synthetic_data", clear=True, verbosity=0, stdout=out, stderr=err, **SMALL
    )
    assert out.getvalue() == err.getvalue() == ""


def test_loading_empties_the_page_cache():
    """Bulk writes send no signal, so the command retires the cached pages itself."""
    before = page_cache.generation()
    load()
    assert page_cache.generation() > before
