#!/usr/bin/env python3
"""Load test of `mandat-sante serve` on loopback: many concurrent clients ask for a roadmap page.

    web-load.py URL SERVER_PID [--requests N] [--clients C] [--time-limit S]

Each client keeps its connection open (HTTP/1.1 keep-alive) and asks again as soon as it has its answer,
reconnecting when the server closes; every answer must be 200 with the full page. Prints the median and p99
latency of a request (connection included when one was needed), the throughput, the errors, and the server's
resident memory (VmRSS, and its peak VmHWM) after the run, read from /proc. Exits 1 on any error or when the
time limit passes.
"""
import argparse
import asyncio
import statistics
import sys
import time
from urllib.parse import urlsplit

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("pid", type=int)
parser.add_argument("--requests", type=int, default=10_000)
parser.add_argument("--clients", type=int, default=200)
parser.add_argument("--time-limit", type=float, default=600)
parser.add_argument("--path", default="/feuille-de-route?name=Village%20de%20Saint-Aubin&kind=commune&population=420"
                    "&density=rural-disperse&medicalZoning=zip&gpDepartures=oui&share75Plus=15.5"
                    "&priorities=acces-aux-soins&priorities=bien-vieillir&depart=2026-12")
options = parser.parse_args()
split = urlsplit(options.url)
host, port = split.hostname, split.port
request = (f"GET {options.path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/html\r\n\r\n").encode()

latencies = []
errors = []
remaining = options.requests
connections = 0


def memory():
    fields = {}
    with open(f"/proc/{options.pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields.get("VmRSS", "?"), fields.get("VmHWM", "?")


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def client():
    global remaining, connections
    reader = writer = None
    while remaining > 0:
        remaining -= 1
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
                connections += 1
            writer.write(request)
            await writer.drain()
            status, headers, body = await read_response(reader)
            latencies.append(time.perf_counter() - start)
            if status != 200 or b"</html>" not in body[-20:]:
                errors.append(f"statut {status}, {len(body)} octets")
            if headers.get("connection") == "close":
                writer.close()
                writer = None
        except Exception as error:  # a refused or reset connection is an error of the run
            errors.append(repr(error))
            if writer is not None:
                writer.close()
            writer = None
    if writer is not None:
        writer.close()


async def main():
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(client() for _ in range(options.clients))), options.time_limit)
    return time.perf_counter() - started


rss_before, _ = memory()
try:
    elapsed = asyncio.run(main())
except asyncio.TimeoutError:
    print(f"ÉCHEC : plus de {options.time_limit:.0f} s pour {options.requests} requêtes", file=sys.stderr)
    sys.exit(1)
rss_after, peak = memory()
ordered = sorted(latencies)
p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
print(f"requêtes : {len(latencies)} réussies, {len(errors)} en erreur, {options.clients} clients simultanés, {connections} connexions ouvertes")
print(f"durée : {elapsed:.1f} s, soit {len(latencies) / elapsed:.0f} requêtes par seconde")
print(f"latence d'une page de feuille de route : médiane {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms")
print(f"mémoire résidente du serveur : {rss_before} au départ, {rss_after} après {options.requests} requêtes (pic {peak})")
for error in errors[:5]:
    print(f"  erreur : {error}", file=sys.stderr)
sys.exit(1 if errors else 0)
