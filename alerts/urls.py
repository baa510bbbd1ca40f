from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path(
        "subscribe/check-your-email/",
        views.SubscribeDoneView.as_view(),
        name="subscribe-done",
    ),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path(
        "unsubscribe/<str:token>/",
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
]
