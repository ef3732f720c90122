import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oxlo_portal.settings")
application = get_wsgi_application()
if settings.SECRET_KEY_MISSING:
    from .checks import MISSING_KEY

    raise ImproperlyConfigured(MISSING_KEY)
