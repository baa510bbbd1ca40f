from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from govlab import feeds, views
from govlab.sitemaps import SITEMAPS

admin.site.site_header = _("Gov Lab Registry administration")
admin.site.site_title = _("Gov Lab Registry")
admin.site.index_title = _("Registry records")

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain; charset=utf-8"
        ),
        name="robots-txt",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("api/", include("api.urls")),
    path("catalog.jsonld", views.dcat_catalog, name="dcat-catalog"),
    path("data.json", views.dcat_data_json, name="data-json"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/projects.atom", feeds.NewProjectsFeed(), name="feed-projects"),
    path("feeds/updates.atom", feeds.ProjectUpdatesFeed(), name="feed-updates"),
    path("feeds/events.atom", feeds.UpcomingEventsFeed(), name="feed-events"),
    path("projects/", include("projects.urls")),
    path("agencies/", include("agencies.urls")),
    path("events/", include("events.urls")),
    path("stats/", include("stats.urls")),
    path("workspace/", include("updates.urls")),
    path("accounts/", include("accounts.urls")),
    path("alerts/", include("alerts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
