#!/usr/bin/env python3
"""Many concurrent REST clients sending one IMS2.0 request to an imsgate server; reports errors, throughput
and latencies. Standard library only.

Each client is a thread with one keep-alive connection that sends its requests one after the other:
POST /api/v1/requests (sync: the answer is the response message, or 202 when it is too large to be inlined;
async: 202, then GET /api/v1/requests/{id} until the request is done, then GET .../result). A request's latency
runs from its POST to the last byte of its response message. Exit status 1 when any request had an error.
"""

import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from collections import Counter

FINISHED = ("done", "failed")


class Client:
    """One client: a keep-alive connection, its latencies and its errors."""

    def __init__(self, args, target, body):
        self.args = args
        self.target = target
        self.body = body
        self.headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "text/plain"}
        self.connection = None
        self.latencies = []
        self.errors = Counter()
        self.bytes_received = 0
        self.error_logs = 0
        self.connections = 0

    def connect(self):
        kind = http.client.HTTPSConnection if self.target.scheme == "https" else http.client.HTTPConnection
        self.connection = kind(self.target.hostname, self.target.port, timeout=self.args.timeout)

    def call(self, method, path, body=None):
        """The status and body of one exchange. A connection the server closed is an error, not retried."""
        if self.connection is None:
            self.connect()
            self.connections += 1
        self.connection.request(method, path, body=body, headers=self.headers)
        response = self.connection.getresponse()
        data = response.read()
        self.bytes_received += len(data)
        if response.will_close:
            self.drop()
        return response.status, data

    def drop(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def fail(self, kind):
        self.errors[kind] += 1

    def one_request(self):
        path = "/api/v1/requests?mode=async" if self.args.mode == "async" else "/api/v1/requests"
        status, data = self.call("POST", path, self.body)
        if status == 200:
            return data
        if status != 202:
            self.fail(f"POST status {status}")
            return None
        request_id = json.loads(data)["id"]
        state = json.loads(data).get("status", "")
        while state not in FINISHED:
            time.sleep(self.args.poll_interval)
            status, data = self.call("GET", f"/api/v1/requests/{request_id}")
            if status != 200:
                self.fail(f"status poll status {status}")
                return None
            state = json.loads(data).get("status", "")
        if state != "done":
            self.fail(f"request {state}")
            return None
        status, data = self.call("GET", f"/api/v1/requests/{request_id}/result")
        if status != 200:
            self.fail(f"result status {status}")
            return None
        return data

    def run(self, start):
        start.wait()
        for _ in range(self.args.requests_per_client):
            began = time.perf_counter()
            try:
                message = self.one_request()
            except (OSError, http.client.HTTPException, ValueError, KeyError) as error:
                self.fail(f"{type(error).__name__}: {error}"[:120])
                self.drop()
                continue
            if message is None:
                continue
            self.latencies.append(time.perf_counter() - began)
            if b"DATA_TYPE ERROR_LOG" in message.upper():
                self.error_logs += 1
        self.drop()


def percentile(ordered, fraction):
    """The nearest-rank percentile of an ordered list; None when it is empty."""
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="http://127.0.0.1:8080", help="the server's URL")
    parser.add_argument("--token", required=True, help="an API token of a user granted the products asked for")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients (one connection each)")
    parser.add_argument("--requests-per-client", type=int, default=10)
    parser.add_argument("--request", required=True, help="file holding the IMS2.0 request message to send")
    parser.add_argument("--mode", choices=("sync", "async"), default="sync")
    parser.add_argument("--poll-interval", type=float, default=0.1, help="seconds between status polls (async)")
    parser.add_argument("--timeout", type=float, default=300, help="socket timeout in seconds")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = parser.parse_args()

    target = urllib.parse.urlsplit(args.server)
    with open(args.request, "rb") as file:
        body = file.read()
    clients = [Client(args, target, body) for _ in range(args.clients)]
    start = threading.Barrier(args.clients + 1)
    threads = [threading.Thread(target=c.run, args=(start,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    cpu_began = time.process_time()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    client_cpu = time.process_time() - cpu_began

    latencies = sorted(x for c in clients for x in c.latencies)
    errors = sum((c.errors for c in clients), Counter())
    total = args.clients * args.requests_per_client
    report = {
        "mode": args.mode,
        "clients": args.clients,
        "requests": total,
        "answered": len(latencies),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
        "answers_with_error_log": sum(c.error_logs for c in clients),
        "connections": sum(c.connections for c in clients),
        "seconds": round(elapsed, 3),
        "client_cpu_seconds": round(client_cpu, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed > 0 else 0.0,
        "latency_ms": {
            name: None if not latencies else round(1000 * percentile(latencies, fraction), 1)
            for name, fraction in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        },
        "bytes_received": sum(c.bytes_received for c in clients),
    }
    if args.json:
        print(json.dumps(report))
    else:
        lat = report["latency_ms"]
        print(f"mode {args.mode}, {args.clients} clients x {args.requests_per_client} requests = {total}")
        print(f"answered {report['answered']}, errors {report['errors']}, answers with an ERROR_LOG "
              f"{report['answers_with_error_log']}, connections opened {report['connections']}")
        for kind, count in sorted(errors.items(), key=lambda item: -item[1]):
            print(f"  {count:6d}  {kind}")
        print(f"time {elapsed:.2f} s, throughput {report['requests_per_second']} requests/s, "
              f"load script CPU {client_cpu:.1f} s")
        print(f"latency ms: p50 {lat['p50']}, p90 {lat['p90']}, p99 {lat['p99']}, max {lat['max']}")
        print(f"bytes received {report['bytes_received']}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
