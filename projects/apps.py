from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        # Keeps the derived Project.search_text current (see the module's docstring).
        from projects.signals import connect_search_text_receivers

        connect_search_text_receivers()
