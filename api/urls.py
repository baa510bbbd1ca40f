from django.urls import include, path
from django.views.generic import RedirectView
from rest_framework.routers import DefaultRouter

from api import views

app_name = "api"

router = DefaultRouter(use_regex_path=False)
router.include_format_suffixes = False
router.register("projects", views.ProjectViewSet, basename="project")
router.register("agencies", views.AgencyViewSet, basename="agency")
router.register("events", views.EventViewSet, basename="event")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:api-root"), name="index"),
    path("v1/openapi.json", views.OpenApiView.as_view(), name="openapi"),
    path("v1/", include(router.urls)),
]
