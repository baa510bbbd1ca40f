"""The shape of the synthetic registry: the distributions chosen, and why.

They are modelled on the demo data (fixtures/) and DOMAIN.md, scaled to a national
registry that has run since fiscal year 2561 (2018):

- Fiscal years 2561-2569 (Buddhist Era, as Project stores them), growing over time as
  the programme spread (the demo's first cohort is FY2562-2563), with a dip in 2564
  for COVID-19. Dates end at AS_OF, the last day of FY2569, so output does not depend
  on the day the command runs and no reporting date lies in the future.
- Track: one project in four in the service-issue track (the demo: 4 of 17; the
  FY2563 cohort 3 of 13), each with an issue area and several participating
  agencies, since its issues cut across agencies; the rest in the agency track,
  each with a lead agency.
- Stage: projects enter as an idea or a prototype (the demo's FY2563 cohort entered
  as prototypes), then move up the ladder idea, prototype, pilot, scaling up,
  adopted, more likely the older they are; a few are discontinued. Each move is a
  StageChange, most of them made by approving a progress update.
- 95% of projects and 97% of events published; the rest are drafts.
- Events: workshops and committee meetings are the most common gatherings, then
  hackathons (the demo's My Better Country), conferences, symposiums (KRI-OPDC),
  launches (Gov Lab 2563) and series (GovTech Next Move); one hackathon in three
  runs on two separate spans of days, like the 2019 hackathon.
- A third of projects came out of an event of their fiscal year (a hackathon,
  launch or workshop), which also lists them, as the demo's launch and hackathon do.
- Agencies: mostly government departments, then local administrations and state
  enterprises; universities serve as consultants and partners, as Mahidol and NIDA
  do in the demo. A few agencies lead many projects (a Zipf-like skew), as large
  departments do.
"""

import bisect
import datetime
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from govlab.synthetic.text import TextMaker

SLUG_PREFIX = "synthetic-"
AS_OF = datetime.date(2026, 9, 30)

FISCAL_YEARS = {
    2561: 4,
    2562: 6,
    2563: 10,
    2564: 8,
    2565: 11,
    2566: 13,
    2567: 15,
    2568: 16,
    2569: 17,
}
SERVICE_ISSUE_SHARE = 0.25
PUBLISHED_PROJECTS = 0.95
PUBLISHED_EVENTS = 0.97
ORIGIN_EVENT_SHARE = 0.35
ORIGIN_EVENT_KINDS = ("hackathon", "launch", "workshop")
EVENT_KINDS = {
    "workshop": 34,
    "committee-meeting": 20,
    "hackathon": 14,
    "conference": 10,
    "symposium": 8,
    "launch": 7,
    "series": 7,
}


class Picker:
    """Draws from items by weight with one bisect, much faster than random.choices
    called once per record."""

    def __init__(self, items: Sequence, weights: Sequence[float]):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random):
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]

    def __bool__(self) -> bool:
        return bool(self.items)


def zipf_picker(items: Sequence) -> Picker:
    """A few items drawn often, most rarely: how projects fall on agencies."""
    return Picker(items, [1 / (rank**0.8) for rank in range(1, len(items) + 1)])


@dataclass
class Registry:
    """The generator and what has been generated so far, for later records to use."""

    rng: random.Random
    texts: TextMaker
    fiscal_years: Picker = field(
        default_factory=lambda: Picker(FISCAL_YEARS, FISCAL_YEARS.values())
    )
    leads: Picker = field(default_factory=lambda: Picker((), ()))
    consultants: Picker = field(default_factory=lambda: Picker((), ()))
    partners: Picker = field(default_factory=lambda: Picker((), ()))
    issue_areas: list[dict] = field(default_factory=list)
    events_by_year: dict[int, list[dict]] = field(default_factory=dict)
    origins_by_year: dict[int, list[dict]] = field(default_factory=dict)

    @classmethod
    def seeded(cls, seed: int) -> "Registry":
        rng = random.Random(seed)
        return cls(rng=rng, texts=TextMaker(rng))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def between(self, low: int, high: int) -> int:
        """An integer from low to high, both included."""
        return low + int(self.rng.random() * (high - low + 1))

    def at_work(self, day: datetime.date) -> datetime.datetime:
        """A moment in office hours, Bangkok time, on the day."""
        moment = datetime.datetime.combine(
            day, datetime.time(self.between(8, 16), self.between(0, 59))
        )
        return timezone.make_aware(moment, timezone.get_default_timezone())

    def use_agencies(self, agencies: Sequence[dict], advisers: set[str]) -> None:
        """Split the agencies (rows) into those that lead and those that advise."""
        public = [agency for agency in agencies if agency["kind"] not in advisers]
        advising = [agency for agency in agencies if agency["kind"] in advisers]
        universities = [a for a in advising if a["kind"] == "academic-institution"]
        self.leads = zipf_picker(public or advising)
        self.consultants = zipf_picker(universities or advising or public)
        self.partners = zipf_picker(advising or public)
