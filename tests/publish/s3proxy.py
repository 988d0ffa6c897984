"""A loopback HTTP proxy in front of moto_server that counts requests and can "go down".

Counting at the wire (not in boto3) is what proves "a second publish uploads
nothing"; going down after N requests (every later connection is dropped
without an answer, as when the server process dies) is the fault case.
"""

import contextlib
import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}


class S3Proxy:
    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, upstream_port)
        self.requests = []  # (method, path) of every request answered
        self._lock = threading.Lock()
        self._budget = None  # None: up; an int: requests left before going down
        self._drops = 0  # requests to drop before answering again (a transient fault)
        self._drop_method = None  # only drop requests of this method
        self._down_after = None  # (method, path part): go down once such a request is answered
        self.dropped = 0
        self._throttles = 0  # requests to answer with 503 SlowDown
        self.throttled = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if proxy._throttle():
                    self._slow_down()
                    return
                if not proxy._admit(self.command, self.path):
                    # Down: drop the connection without a response.
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                upstream = http.client.HTTPConnection(*proxy.upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
                upstream.request(self.command, self.path, body=body, headers=headers)
                response = upstream.getresponse()
                data = response.read()
                self.send_response(response.status, response.reason)
                for key, value in response.getheaders():
                    if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                        self.send_header(key, value)
                length = response.getheader("Content-Length")
                if self.command == "HEAD":
                    self.send_header("Content-Length", length or "0")
                else:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                upstream.close()

            def _slow_down(self):
                body = (
                    b"<?xml version='1.0' encoding='UTF-8'?><Error><Code>SlowDown</Code>"
                    b"<Message>Please reduce your request rate.</Message></Error>"
                )
                self.send_response(503, "Slow Down")
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def _throttle(self):
        with self._lock:
            if self._throttles > 0:
                self._throttles -= 1
                self.throttled += 1
                return True
            return False

    def throttle_next(self, count):
        """Answer the next ``count`` requests with 503 SlowDown, as S3 does under load."""
        with self._lock:
            self._throttles = count

    def _admit(self, method, path):
        with self._lock:
            if self._drops > 0 and self._drop_method in (None, method):
                self._drops -= 1
                self.dropped += 1
                return False
            if self._budget is not None:
                if self._budget <= 0:
                    return False
                self._budget -= 1
            self.requests.append((method, path))
            if self._down_after and method == self._down_after[0] and self._down_after[1] in path:
                self._budget, self._down_after = 0, None
            return True

    def go_down_after(self, count):
        """Answer ``count`` more requests, then drop every connection."""
        with self._lock:
            self._budget = count

    def go_down_after_request(self, method, path_part):
        """Answer requests until one of ``method`` whose path holds ``path_part``, then go down."""
        with self._lock:
            self._down_after = (method, path_part)

    def drop_next(self, count, method=None):
        """Drop the next ``count`` requests (of ``method``), then answer normally."""
        with self._lock:
            self._drops = count
            self._drop_method = method

    def come_back(self):
        with self._lock:
            self._budget = None
            self._down_after = None

    def reset_counts(self):
        with self._lock:
            self.requests.clear()

    def count(self, method, *, excluding=None):
        with self._lock:
            return sum(
                1
                for m, path in self.requests
                if m == method and not (excluding and excluding in path)
            )

    def close(self):
        self.server.shutdown()
        self.server.server_close()
