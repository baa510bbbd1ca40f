"""Form fields shared by the workspace and the admin."""

import datetime
import re

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from govlab.dates import BUDDHIST_ERA_OFFSET, is_thai

# No record of ours is dated after 2400 CE, so on a Thai page a year from 2400 up is
# a Buddhist Era year (2568 is 2025 CE); a smaller one is CE, as a date picker writes.
BUDDHIST_ERA_FROM = 2400

_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORDS = re.compile(r"^\s*(\d{1,2})\s+(\S+)\s+(\d{4})\s*$")


def _month_number(name: str) -> int | None:
    wanted = name.strip().rstrip(".").casefold()
    for number, month in MONTHS.items():
        if str(month).casefold() == wanted:
            return number
    return None


class LocalDateInput(forms.TextInput):
    """A date typed as day/month/year, shown with a Buddhist Era year on Thai pages."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, datetime.date):
            year = value.year + BUDDHIST_ERA_OFFSET if is_thai() else value.year
            return f"{value.day:02d}/{value.month:02d}/{year}"
        return super().format_value(value)


class LocalDateField(forms.DateField):
    """Reads day/month/year, ISO dates and "21 กุมภาพันธ์ 2568" alike.

    On Thai pages a year from 2400 up is read as Buddhist Era; English pages read CE.
    """

    widget = LocalDateInput
    default_error_messages = {
        "invalid": _("Enter a date as day/month/year, for example %(example)s."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        day_month_year = self._parts(str(value))
        if day_month_year is None:
            raise self._invalid()
        day, month, year = day_month_year
        if is_thai() and year >= BUDDHIST_ERA_FROM:
            year -= BUDDHIST_ERA_OFFSET
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise self._invalid() from None

    @staticmethod
    def _parts(text: str) -> tuple[int, int, int] | None:
        if match := _NUMERIC.match(text):
            day, month, year = (int(part) for part in match.groups())
            return day, month, year
        if match := _ISO.match(text):
            year, month, day = (int(part) for part in match.groups())
            return day, month, year
        if (match := _WORDS.match(text)) and (month := _month_number(match[2])):
            return int(match[1]), month, int(match[3])
        return None

    def _invalid(self) -> forms.ValidationError:
        example = "21/02/2568" if is_thai() else "21/02/2025"
        return forms.ValidationError(
            self.error_messages["invalid"], code="invalid", params={"example": example}
        )
