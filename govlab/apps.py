from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovlabConfig(AppConfig):
    name = "govlab"
    verbose_name = _("Gov Lab Registry")

    def ready(self):
        # The admins register these too (govlab.admin imports the same function),
        # but services and commands must record history even without the admin.
        from govlab.history import register_models
        from govlab.page_cache import connect_invalidation

        register_models()
        connect_invalidation()
