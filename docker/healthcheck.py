"""Container healthcheck for Cổng's own services, standard library only.

    python docker/healthcheck.py http://127.0.0.1:8000/admin/login/
    python docker/healthcheck.py tcp://127.0.0.1:8090

HTTP: healthy when the answer is 2xx or 3xx. The request carries the first
ALLOWED_HOSTS entry as Host and `X-Forwarded-Proto: https` (as the TLS proxy in
front would), so Django's host check and HTTPS redirect see a normal request.
TCP: healthy when the port accepts a connection (the search API stays "up"
while Elasticsearch is down: it then answers 503 by design).
"""

import http.client
import os
import socket
import sys
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 5


def request_host():
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def check_http(url):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port or 80, timeout=TIMEOUT_SECONDS
    )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    connection.request("GET", path, headers={"Host": request_host(), "X-Forwarded-Proto": "https"})
    status = connection.getresponse().status
    connection.close()
    return 200 <= status < 400, f"HTTP {status}"


def check_tcp(url):
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT_SECONDS):
        return True, "port open"


def main(argv):
    if len(argv) != 1:
        print("usage: python docker/healthcheck.py http://HOST:PORT/PATH | tcp://HOST:PORT")
        return 2
    url = argv[0]
    try:
        healthy, detail = check_tcp(url) if url.startswith("tcp://") else check_http(url)
    except OSError as error:
        healthy, detail = False, str(error)
    print(f"{url}: {detail}")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
