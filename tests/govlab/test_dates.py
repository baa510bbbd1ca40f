import datetime

import pytest
from django.utils import translation

from govlab import dates


def test_thai_date_uses_buddhist_era_and_thai_month():
    """A Thai page shows 21 February 2020 as 21 กุมภาพันธ์ 2563."""
    with translation.override("th"):
        assert dates.format_date(datetime.date(2020, 2, 21)) == "21 กุมภาพันธ์ 2563"


def test_english_date_uses_common_era():
    """An English page shows 21 February 2020 as such."""
    with translation.override("en"):
        assert dates.format_date(datetime.date(2020, 2, 21)) == "21 February 2020"


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("th", (2019, 8, 23), (2019, 8, 25), "23–25 สิงหาคม 2562"),
        ("en", (2019, 8, 23), (2019, 8, 25), "23–25 August 2019"),
        ("th", (2018, 4, 25), (2018, 4, 25), "25 เมษายน 2561"),
        ("en", (2019, 9, 30), (2019, 10, 2), "30 September – 2 October 2019"),
        ("th", (2019, 12, 30), (2020, 1, 2), "30 ธันวาคม 2562 – 2 มกราคม 2563"),
    ],
)
def test_date_span_names_shared_month_and_year_once(language, start, end, expected):
    """A run of days reads naturally in each language and calendar."""
    with translation.override(language):
        span = dates.format_date_span(datetime.date(*start), datetime.date(*end))
    assert span == expected


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        ((2019, 9, 30), 2562),
        ((2019, 10, 1), 2563),
        ((2020, 2, 21), 2563),
        ((2020, 9, 30), 2563),
        ((2020, 10, 1), 2564),
    ],
)
def test_fiscal_year_runs_october_to_september(day, fiscal_year):
    """FY2563 runs from 1 October 2019 to 30 September 2020."""
    assert dates.fiscal_year_of(datetime.date(*day)) == fiscal_year


def test_fiscal_year_bounds():
    """The first and last day of FY2563 are 1 Oct 2019 and 30 Sep 2020."""
    assert dates.fiscal_year_bounds(2563) == (
        datetime.date(2019, 10, 1),
        datetime.date(2020, 9, 30),
    )


def test_fiscal_year_label_in_each_language():
    """FY2563 reads ปีงบประมาณ 2563 in Thai and FY2020 (B.E. 2563) in English."""
    with translation.override("th"):
        assert dates.format_fiscal_year(2563) == "ปีงบประมาณ 2563"
    with translation.override("en"):
        assert dates.format_fiscal_year(2563) == "FY2020 (B.E. 2563)"
