from django.urls import path

from updates import views

app_name = "workspace"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path(
        "projects/<slug:slug>/",
        views.ProjectDetailView.as_view(),
        name="project-detail",
    ),
    path(
        "projects/<slug:slug>/updates/new/",
        views.UpdateCreateView.as_view(),
        name="update-create",
    ),
    path("updates/<int:pk>/", views.UpdateEditView.as_view(), name="update-edit"),
    path(
        "updates/<int:pk>/submit/",
        views.UpdateSubmitView.as_view(),
        name="update-submit",
    ),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal-create"),
    path("proposals/<int:pk>/", views.ProposalEditView.as_view(), name="proposal-edit"),
    path(
        "proposals/<int:pk>/submit/",
        views.ProposalSubmitView.as_view(),
        name="proposal-submit",
    ),
]
