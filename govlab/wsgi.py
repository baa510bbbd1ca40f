"""WSGI entry point for the Gov Lab Registry."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govlab.settings")

application = get_wsgi_application()
