from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("upcoming.ics", views.UpcomingCalendarView.as_view(), name="upcoming-ics"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/event.ics", views.EventCalendarView.as_view(), name="event-ics"),
]
