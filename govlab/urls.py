from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from govlab import views

admin.site.site_header = _("Gov Lab Registry administration")
admin.site.site_title = _("Gov Lab Registry")
admin.site.index_title = _("Registry records")

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("projects/", include("projects.urls")),
    path("agencies/", include("agencies.urls")),
    path("events/", include("events.urls")),
    path("workspace/", include("updates.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
