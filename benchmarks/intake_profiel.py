"""Per-request cost of the intake, independent of machine load (issue 3 "Speed").

    .venv/bin/python benchmarks/intake_profiel.py [--n 300] [--profile 25]

Posts `--n` realistic meldingen (the same generator as benchmarks/intake.py) in-process
through the real WSGI application (full middleware stack, DEBUG off) against the
PostgreSQL database that `benchmarks/intake.py` loaded (BENCH_DATABASE_URL; run that once
first, or with --skip-setup afterwards). Reports per request: CPU time of this process
(time.process_time: Django, DRF, psycopg — not the PostgreSQL server), wall time, and the
number of SQL statements (CaptureQueriesContext, in a separate pass so its bookkeeping does
not count as CPU), and the number of Python function calls (cProfile, a separate pass): a
deterministic measure of the work that the machine's load does not move. With --profile N prints the top of a cProfile (CPU time) of N requests.

Earlier meldingen, their audit records and queued tasks are deleted first, so each run
creates new meldingen (201) as the load test does.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import intake  # noqa: E402


def _wsgi_post(app, pad: str, body: dict, headers: dict) -> tuple[int, bytes]:
    from wsgiref.util import setup_testing_defaults

    data = json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": pad,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": str(intake.PORT),
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.input": io.BytesIO(data),
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
    }
    setup_testing_defaults(environ)
    status = []
    chunks = app(environ, lambda s, h, exc_info=None: status.append(s))
    inhoud = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return int(status[0].split()[0]), inhoud


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--profile", type=int, default=0, help="cProfile this many requests")
    ap.add_argument("--pupils", type=int, default=20000)
    args = ap.parse_args()

    os.environ.update(intake._env())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuim.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert not settings.DEBUG
    with connection.cursor() as c:
        c.execute(
            "TRUNCATE meldingen_melding, api_idempotencyrecord, audit_auditrecord, "
            "django_tasks_database_dbtaskresult CASCADE"
        )
    app = get_wsgi_application()
    rnd = random.Random(7)
    _, leerlingen = intake.scenario(args.pupils, random.Random(2026))
    rnd.shuffle(leerlingen)
    wachtrij = iter(leerlingen)

    def post():
        ll = next(wachtrij)
        headers = {
            "Authorization": f"Bearer {intake.token(ll['brin'])}",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        status, inhoud = _wsgi_post(app, "/api/v1/meldingen", intake.melding(ll, rnd), headers)
        assert status == 201, (status, inhoud[:500])

    for _ in range(20):  # warm up: imports, URL resolver, first connection
        post()
    cpu, wand = [], []
    for _ in range(args.n):
        w0, c0 = time.perf_counter(), time.process_time()
        post()
        cpu.append((time.process_time() - c0) * 1000)
        wand.append((time.perf_counter() - w0) * 1000)
    aantallen, statements = [], {}
    for _ in range(min(args.n, 50)):
        with CaptureQueriesContext(connection) as ctx:
            post()
        aantallen.append(len(ctx.captured_queries))
        for q in ctx.captured_queries:
            sql = re.split(r" WHERE | SET | VALUES ", q["sql"])[0][:100]
            statements[sql] = statements.get(sql, 0) + 1
    # Python function calls per request: a deterministic proxy for CPU that, unlike
    # process_time, does not move with the load other processes put on the machine.
    teller = cProfile.Profile()
    teller.enable()
    for _ in range(50):
        post()
    teller.disable()
    aanroepen = pstats.Stats(teller).total_calls / 50
    print(f"requests: {args.n} (+20 warm-up), all 201")
    print(
        f"CPU ms/request  median {statistics.median(cpu):.2f}  mean {statistics.mean(cpu):.2f}"
        f"  p10 {sorted(cpu)[len(cpu) // 10]:.2f}"
    )
    print(f"Python function calls/request {aanroepen:,.0f}")
    print(f"wall ms/request median {statistics.median(wand):.2f}  mean {statistics.mean(wand):.2f}")
    print(f"SQL statements/request median {statistics.median(aantallen)} max {max(aantallen)}")
    for sql, n in sorted(statements.items(), key=lambda kv: -kv[1]):
        print(f"  {n / len(aantallen):5.2f}  {sql}")
    if args.profile:
        prof = cProfile.Profile(time.process_time)  # CPU, not waiting
        prof.enable()
        for _ in range(args.profile):
            post()
        prof.disable()
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(
            os.environ.get("PROF_FILTER", ""), 45
        )
        print(s.getvalue())
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        print(s.getvalue())


if __name__ == "__main__":
    main()
