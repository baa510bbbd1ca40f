from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovlabConfig(AppConfig):
    name = "govlab"
    verbose_name = _("Gov Lab Registry")
