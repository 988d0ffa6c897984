# The one image of Cổng's own services: cms (gunicorn), worker (db_worker) and
# search-api. Slim Debian base pinned by version, runtime dependencies pinned
# by requirements.lock, code owned by root and run as an unprivileged user.
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/srv/var \
    MEDIA_ROOT=/srv/media \
    DIST_DIR=/srv/dist \
    STATIC_ROOT=/app/static

WORKDIR /app

RUN groupadd --system --gid 10001 cong \
    && useradd --system --uid 10001 --gid cong --home-dir /app --shell /usr/sbin/nologin cong

# Only the runtime dependencies (pyproject's list, no test tools), with every
# version, direct and transitive, taken from the lock file.
COPY pyproject.toml requirements.lock ./
RUN pip install "pip==26.3" \
    && python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/runtime.txt \
    && pip install -r /tmp/runtime.txt -c requirements.lock \
    && rm /tmp/runtime.txt

COPY . .

# Static files are collected into the image (WhiteNoise serves them), so a
# volume never hides them after an upgrade. The key below exists only for
# this build step; the running containers get theirs from the environment.
RUN SECRET_KEY=collectstatic-only-build-step-key-not-used-at-run-time-0123456789 \
    DEBUG=0 ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /srv/var /srv/media /srv/dist /srv/feedback /srv/nginx-map \
    && chown cong:cong /srv/var /srv/media /srv/dist /srv/feedback /srv/nginx-map \
    && chmod 0755 docker/entrypoint.sh

# Numeric ids so an orchestrator can verify runAsNonRoot.
USER 10001:10001
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
