"""The search API as a WSGI application for a production server (gunicorn):

gunicorn --config python:search.gunicorn_conf search.wsgi:application
"""

from .api import make_app

application = make_app()
