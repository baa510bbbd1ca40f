from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Event, EventDateSpan
from events.resources import EventResource
from govlab.admin import RegistryAdmin, RegistryInlineMixin, set_published


def first_start():
    """The first day of an event, as a subquery: no GROUP BY to upset the joins."""
    return Subquery(
        EventDateSpan.objects.filter(event=OuterRef("pk"))
        .order_by("start")
        .values("start")[:1]
    )


class EventDateSpanInline(RegistryInlineMixin, admin.TabularInline):
    model = EventDateSpan
    fields = ("start", "end")
    # An event has at least one span; a second empty row is there for events such
    # as the 2019 hackathon, which ran on 18 and on 23-25 August.
    min_num = 1
    extra = 1


@admin.register(Event)
class EventAdmin(RegistryAdmin):
    inlines = (EventDateSpanInline,)
    resource_classes = (EventResource,)
    list_display = (
        "title",
        "kind",
        "first_day",
        "city",
        "is_online",
        "is_published",
        "updated_at",
    )
    list_filter = ("kind", "is_online", "is_published")
    search_fields = ("title_th", "title_en", "slug", "city_th", "city_en")
    date_hierarchy = "date_spans__start"
    autocomplete_fields = ("organisers", "partners", "related_projects")
    # Thai titles do not slugify; the English title gives a readable slug.
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("created_at", "updated_at")
    actions = ("publish", "unpublish")
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description")}),
        (_("Place"), {"fields": ("venue", "city", "country", "is_online", "link")}),
        (
            _("Agencies and projects"),
            {"fields": ("organisers", "partners", "related_projects")},
        ),
        (_("Publication"), {"fields": ("is_published",)}),
        (
            _("Record history"),
            {"fields": ("created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(first_start=first_start())

    def get_ordering(self, request):
        # Latest first; an event whose dates are not known yet goes last. An
        # expression, not the annotation, because the autocomplete and select
        # widgets of other admins order events with it too.
        return (first_start().desc(nulls_last=True), "title_th")

    @admin.display(description=_("first day"), ordering="first_start")
    def first_day(self, obj):
        return obj.first_start

    @admin.action(description=_("Publish the selected events"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, published=True)

    @admin.action(
        description=_("Withdraw the selected events from the public site"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, published=False)

    def _set_published(self, request, queryset, *, published):
        count = set_published(queryset=queryset, published=published, user=request.user)
        message = (
            ngettext(
                "%(count)d event is now published.",
                "%(count)d events are now published.",
                count,
            )
            if published
            else ngettext(
                "%(count)d event is no longer published.",
                "%(count)d events are no longer published.",
                count,
            )
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
