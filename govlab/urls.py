from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from govlab import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("projects/", include("projects.urls")),
    path("agencies/", include("agencies.urls")),
    path("events/", include("events.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
