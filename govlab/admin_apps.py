"""The admin app, with the registry's own admin site as ``admin.site``.

Kept apart from govlab.admin_site: INSTALLED_APPS imports this module before the
models are loaded, and the site needs the admin's forms, which need the models.
"""

from django.contrib.admin.apps import AdminConfig


class RegistryAdminConfig(AdminConfig):
    default_site = "govlab.admin_site.RegistryAdminSite"
