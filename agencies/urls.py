from django.urls import path

from agencies import views
from govlab.feeds import AgencyFeed

app_name = "agencies"

urlpatterns = [
    path("", views.AgencyListView.as_view(), name="agency-list"),
    path("<slug:slug>/", views.AgencyDetailView.as_view(), name="agency-detail"),
    path("<slug:slug>/feed.atom", AgencyFeed(), name="agency-feed"),
]
