"""Events in the columns of the public export, for the admin's import and export."""

import datetime

from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field

from agencies.models import Agency
from events.models import Event, EventDateSpan
from govlab.resources import RegistryResource, SlugsWidget
from projects.models import Project

EVENT_COLUMNS = (
    "slug",
    "title_th",
    "title_en",
    "summary_th",
    "summary_en",
    "description_th",
    "description_en",
    "venue_th",
    "venue_en",
    "city_th",
    "city_en",
    "country_th",
    "country_en",
    "kind",
    "date_spans",
    "is_online",
    "organisers",
    "partners",
    "related_projects",
    "link",
    "is_published",
)

Span = tuple[datetime.date, datetime.date]


class DateSpansWidget(widgets.Widget):
    """Runs of days as "2019-08-18;2019-08-23/2019-08-25": a day or first/last."""

    def clean(self, value, row=None, **kwargs) -> list[Span]:
        spans = [self._span(part) for part in str(value or "").split(";")]
        spans = sorted(span for span in spans if span)
        starts = [start for start, _end in spans]
        if len(set(starts)) != len(starts):
            raise ValueError(_("Two date spans start on the same day."))
        return spans

    def render(self, value, obj=None, **kwargs):
        return ";".join(
            start.isoformat() if start == end else f"{start}/{end}"
            for start, end in value or ()
        )

    @staticmethod
    def _span(text: str) -> Span | None:
        text = text.strip()
        if not text:
            return None
        try:
            first, _slash, last = text.partition("/")
            start = datetime.date.fromisoformat(first.strip())
            end = datetime.date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise ValueError(
                _(
                    "Write each day as 2019-08-18 and each run of days as "
                    "2019-08-23/2019-08-25, separated by semicolons."
                )
            ) from None
        if end < start:
            raise ValueError(_("The last day cannot be before the first day."))
        return start, end


class DateSpansField(Field):
    """An event's date spans; the imported ones are written once the event is."""

    def get_value(self, instance):
        pending = getattr(instance, "imported_date_spans", None)
        if pending is not None:
            return pending
        if instance.pk is None:
            return []
        return sorted((span.start, span.end) for span in instance.date_spans.all())

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.imported_date_spans = self.clean(row, **kwargs)


class EventResource(RegistryResource):
    date_spans = DateSpansField(
        attribute="date_spans", column_name="date_spans", widget=DateSpansWidget()
    )
    organisers = Field(
        attribute="organisers", column_name="organisers", widget=SlugsWidget(Agency)
    )
    partners = Field(
        attribute="partners", column_name="partners", widget=SlugsWidget(Agency)
    )
    related_projects = Field(
        attribute="related_projects",
        column_name="related_projects",
        widget=SlugsWidget(Project),
    )

    class Meta(RegistryResource.Meta):
        model = Event
        fields = EVENT_COLUMNS
        import_order = EVENT_COLUMNS
        export_order = EVENT_COLUMNS

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related(
            "date_spans", "organisers", "partners", "related_projects"
        )

    def after_save_instance(self, instance, row, **kwargs):
        spans = getattr(instance, "imported_date_spans", None)
        if spans is None or instance.pk is None:
            return
        current = {(span.start, span.end): span for span in instance.date_spans.all()}
        for key, span in current.items():
            if key not in spans:
                span.delete()
        for start, end in spans:
            if (start, end) not in current:
                EventDateSpan.objects.create(event=instance, start=start, end=end)
        del instance.imported_date_spans
