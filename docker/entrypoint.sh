#!/bin/sh
# Entrypoint of the cms, worker and search-api containers.
#
# MIGRATE_ON_START=1 (set on the cms service only) applies database migrations
# before the server starts; the worker waits for the cms to be healthy, so
# two containers never migrate at once.
set -eu

# The web service maps each site's hostnames to its folder with a file
# generated from sites/*.toml (SITES_MAP_FILE, on a volume nginx reads).
if [ -n "${SITES_MAP_FILE:-}" ]; then
    python docker/sites_map.py sites "${SITES_MAP_FILE}"
fi

if [ "${MIGRATE_ON_START:-0}" = "1" ]; then
    python manage.py migrate --noinput
fi

exec "$@"
