"""Dates as Thai and English readers expect them.

Thai pages give years in the Buddhist Era (พ.ศ. = CE + 543) with Thai month names;
English pages give CE years. Fiscal years run from 1 October to 30 September and are
named by the Buddhist Era year in which they end: FY2563 is 1 Oct 2019 - 30 Sep 2020.
"""

import datetime

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

BUDDHIST_ERA_OFFSET = 543


def buddhist_era_year(ce_year: int) -> int:
    return ce_year + BUDDHIST_ERA_OFFSET


def common_era_year(be_year: int) -> int:
    return be_year - BUDDHIST_ERA_OFFSET


def is_thai() -> bool:
    return (get_language() or "th").startswith("th")


def display_year(ce_year: int) -> int:
    """The year as the active language's readers count it."""
    return buddhist_era_year(ce_year) if is_thai() else ce_year


def format_date(value: datetime.date) -> str:
    """21 กุมภาพันธ์ 2563 on Thai pages, 21 February 2020 on English ones."""
    return f"{value.day} {MONTHS[value.month]} {display_year(value.year)}"


def format_date_span(start: datetime.date, end: datetime.date | None) -> str:
    """A run of days, naming the month and year once where they are shared."""
    if end is None or end == start:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month]} {display_year(end.year)}"
    if start.year == end.year:
        return (
            f"{start.day} {MONTHS[start.month]} – {end.day} {MONTHS[end.month]} "
            f"{display_year(end.year)}"
        )
    return f"{format_date(start)} – {format_date(end)}"


def fiscal_year_of(value: datetime.date) -> int:
    """The Buddhist Era fiscal year a date falls in."""
    ce_year = value.year + 1 if value.month >= 10 else value.year
    return buddhist_era_year(ce_year)


def fiscal_year_bounds(be_year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a Buddhist Era fiscal year."""
    ce_end_year = common_era_year(be_year)
    return datetime.date(ce_end_year - 1, 10, 1), datetime.date(ce_end_year, 9, 30)


def format_fiscal_year(be_year: int) -> str:
    """ปีงบประมาณ 2563 on Thai pages, FY2020 (B.E. 2563) on English ones."""
    if is_thai():
        return _("Fiscal year %(be_year)s") % {"be_year": be_year}
    return _("FY%(ce_year)s (B.E. %(be_year)s)") % {
        "ce_year": common_era_year(be_year),
        "be_year": be_year,
    }
