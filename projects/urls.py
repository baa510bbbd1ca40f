from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path(
        "export.csv",
        views.ProjectExportView.as_view(export_format="csv"),
        name="project-export-csv",
    ),
    path(
        "export.json",
        views.ProjectExportView.as_view(export_format="json"),
        name="project-export-json",
    ),
    path(
        "feed.atom",
        views.ProjectExportView.as_view(export_format="atom"),
        name="project-list-atom",
    ),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
