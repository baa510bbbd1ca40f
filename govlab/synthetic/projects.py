"""Synthetic projects: an outline of each first (year, track, stage history), so the
progress updates can be shared out before the projects are built chunk by chunk."""

import datetime
from dataclasses import dataclass, field

from govlab.dates import fiscal_year_bounds, fiscal_year_of
from govlab.search import fold
from govlab.synthetic import vocabulary as words
from govlab.synthetic.plan import (
    AS_OF,
    ORIGIN_EVENT_SHARE,
    PUBLISHED_PROJECTS,
    SERVICE_ISSUE_SHARE,
    SLUG_PREFIX,
    Picker,
    Registry,
)
from projects.models import Stage, Track
from projects.search_text import (
    AGENCY_FIELDS,
    ISSUE_AREA_FIELDS,
    LANGUAGES,
    PROJECT_FIELDS,
)

LADDER = (Stage.IDEA, Stage.PROTOTYPE, Stage.PILOT, Stage.SCALING_UP, Stage.ADOPTED)
LATEST_YEAR = fiscal_year_of(AS_OF)
# How many agencies take part besides the lead: agency track, then service-issue.
AGENCY_TRACK_PARTICIPANTS = Picker((0, 1, 2, 3), (50, 30, 15, 5))
SERVICE_ISSUE_PARTICIPANTS = Picker((2, 3, 4, 5), (35, 35, 20, 10))


@dataclass(frozen=True)
class Outline:
    """What must be known of a project before it is built: its stages in order."""

    fiscal_year: int
    track: str
    path: tuple[str, ...]

    @property
    def age(self) -> int:
        return max(LATEST_YEAR - self.fiscal_year, 0)


@dataclass
class ProjectChunk:
    """Built projects and the rows that link them, ready to write."""

    projects: list[dict] = field(default_factory=list)
    agencies_of: list[list[dict]] = field(default_factory=list)
    participating: list[tuple[int, int]] = field(default_factory=list)
    consultants: list[tuple[int, int]] = field(default_factory=list)
    events: list[tuple[int, int]] = field(default_factory=list)


def stage_path(registry: Registry, *, age: int) -> tuple[str, ...]:
    """Entry stage, then each move up the ladder; older projects went further."""
    path = [Stage.PROTOTYPE if registry.chance(0.4) else Stage.IDEA]
    advance = min(0.8, 0.3 + 0.06 * age)
    while path[-1] != Stage.ADOPTED:
        draw = registry.rng.random()
        if draw < advance:
            path.append(LADDER[LADDER.index(path[-1]) + 1])
        elif draw < advance + 0.06 and path[-1] != Stage.IDEA:
            path.append(Stage.DISCONTINUED)
            break
        else:
            break
    return tuple(path)


def outlines_make(registry: Registry, *, count: int) -> list[Outline]:
    outlines = []
    for _ in range(count):
        fiscal_year = registry.fiscal_years(registry.rng)
        track = (
            Track.SERVICE_ISSUE
            if registry.chance(SERVICE_ISSUE_SHARE)
            else Track.AGENCY
        )
        age = max(LATEST_YEAR - fiscal_year, 0)
        outlines.append(Outline(fiscal_year, track, stage_path(registry, age=age)))
    return outlines


def updates_share_out(
    registry: Registry, outlines: list[Outline], *, total: int
) -> list[int]:
    """How many progress updates each project gets, adding up to total: older
    projects and those that moved stage report more."""
    weights = [1 + 0.4 * o.age + len(o.path) - 1 for o in outlines]
    picker = Picker(range(len(outlines)), weights)
    counts = [0] * len(outlines)
    if outlines:
        for _ in range(total):
            counts[picker(registry.rng)] += 1
    return counts


def projects_make(
    registry: Registry, outlines: list[Outline], *, first_number: int, first_pk: int
) -> ProjectChunk:
    chunk = ProjectChunk()
    for offset, outline in enumerate(outlines):
        project, agencies = _project(
            registry, outline, number=first_number + offset, pk=first_pk + offset
        )
        chunk.projects.append(project)
        chunk.agencies_of.append(agencies)
        chunk.participating += [
            (project["id"], agency["id"])
            for agency in agencies
            if agency["id"] != project["lead_agency_id"]
        ]
        if registry.chance(0.6 if outline.track == Track.SERVICE_ISSUE else 0.5):
            consultant = registry.consultants(registry.rng)
            chunk.consultants.append((project["id"], consultant["id"]))
        chunk.events += _events(registry, project)
    return chunk


def _project(registry: Registry, outline: Outline, *, number: int, pk: int):
    service_issue = outline.track == Track.SERVICE_ISSUE
    issue_area = registry.texts.pick(registry.issue_areas) if service_issue else None
    lead = (
        registry.leads(registry.rng)
        if not service_issue or registry.chance(0.6)
        else None
    )
    picker = SERVICE_ISSUE_PARTICIPANTS if service_issue else AGENCY_TRACK_PARTICIPANTS
    others = {}
    for _ in range(picker(registry.rng)):
        agency = registry.leads(registry.rng)
        others[agency["id"]] = agency
    if lead is not None:
        others.pop(lead["id"], None)
    elif not others:
        agency = registry.leads(registry.rng)
        others[agency["id"]] = agency
    # In the order a prefetch gives them (Agency.Meta.ordering), as the text lists.
    participants = sorted(others.values(), key=lambda agency: agency["slug"])
    first_day = fiscal_year_bounds(outline.fiscal_year)[0]
    created = min(first_day + datetime.timedelta(days=registry.between(0, 330)), AS_OF)
    place = (
        words.PLACES[0] if registry.chance(0.33) else registry.texts.pick(words.PLACES)
    )
    texts = registry.texts.project(
        issue_area=(issue_area["name_th"], issue_area["name_en"])
        if issue_area
        else None,
        place=place,
    )
    project = dict(
        id=pk,
        slug=f"{SLUG_PREFIX}project-{number}",
        track=outline.track,
        issue_area_id=issue_area["id"] if issue_area else None,
        lead_agency_id=lead["id"] if lead else None,
        fiscal_year=outline.fiscal_year,
        stage=outline.path[-1],
        is_published=registry.chance(PUBLISHED_PROJECTS),
        created_at=registry.at_work(created),
        start_date=None,
        end_date=None,
        origin_event_id=None,
        version=1,
        **texts,
    )
    project["updated_at"] = project["created_at"]
    if registry.chance(0.7):
        start = created + datetime.timedelta(days=registry.between(0, 60))
        project["start_date"] = start
        if registry.chance(0.5):
            length = registry.between(120, 720)
            project["end_date"] = start + datetime.timedelta(days=length)
    origins = registry.origins_by_year.get(outline.fiscal_year)
    if origins and registry.chance(ORIGIN_EVENT_SHARE):
        project["origin_event_id"] = registry.texts.pick(origins)["id"]
    project["search_text"] = search_text(
        project, lead=lead, participants=participants, issue_area=issue_area
    )
    return project, ([lead] if lead else []) + participants


def search_text(project: dict, *, lead, participants, issue_area) -> str:
    """What projects.search_text.project_search_text gives the saved project: the
    same texts in the same order, each folded.

    fold() costs some 30 µs a text (PyThaiNLP's reorder_vowels), over half a minute
    for 100,000 projects. The vocabulary is written in fold's normal form already
    (tests/govlab/test_synthetic_data.py checks it and compares whole search texts),
    so a project's own texts fold to their lower case; agencies' and issue areas'
    names, few and repeated, go through fold() itself, once each.
    """
    texts = [project[column] for column in _columns(PROJECT_FIELDS)]
    parts = [text.lower() for text in texts if text]
    for agency in ([lead] if lead else []) + participants:
        parts += _folded(agency, AGENCY_FIELDS)
    if issue_area is not None:
        parts += _folded(issue_area, ISSUE_AREA_FIELDS)
    return "\n".join(parts)


def _columns(fields: tuple[str, ...]) -> list[str]:
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


def _folded(row: dict, fields: tuple[str, ...]) -> list[str]:
    if "folded" not in row:
        texts = (row[column] for column in _columns(fields))
        row["folded"] = [fold(text) for text in texts if text]
    return row["folded"]


def _events(registry: Registry, project: dict) -> list[tuple[int, int]]:
    """(event, project) rows: the origin event lists the project, and now and then
    another event of the year mentions it."""
    pairs = []
    if project["origin_event_id"] is not None:
        pairs.append((project["origin_event_id"], project["id"]))
    same_year = registry.events_by_year.get(project["fiscal_year"])
    if same_year and registry.chance(0.1):
        event = registry.texts.pick(same_year)
        if event["id"] != project["origin_event_id"]:
            pairs.append((event["id"], project["id"]))
    return pairs
