"""The login lockout backend (django-axes) for logins that come over HTTP."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, skipped when there is no request.

    Authentication without a request (a management command, Django's test
    client `login()`) cannot be a remote brute force; axes would raise
    instead of answering, so such calls go straight to the next backend.
    Every login form of the admin passes its request and is checked.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
