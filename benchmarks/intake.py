"""Intake over HTTP (issue 3 "Speed"): meldingen/s, p50/p99 latency, nothing lost or doubled.

    .venv/bin/python benchmarks/intake.py [--seconds 40] [--clients 24] [--workers 2]
                                          [--threads 4] [--pupils 20000] [--no-write]

1. Recreates the PostgreSQL database BENCH_DATABASE_URL (default
   postgres://postgres@127.0.0.1:5432/verzuim_bench), migrates, and loads a scenario with
   the scenario loader: 40 schools in 8 gemeenten (two of them routed to a leerplichtdienst),
   `--pupils` pupils with BRP persons (ages 12-19), enrolments and one API token per school.
2. Starts gunicorn (--preload; sync workers, or gthread with keep-alive when --threads is
   given) on 127.0.0.1 against that database, DEBUG off; notification e-mails
   are queued as django-tasks rows in the same database (the real backend), not sent.
3. `--clients` concurrent httpx clients post realistic meldingen (16-uur, luxe, langdurig,
   18-plus, with verzuimdagen and contactpersoon) for `--seconds`; 5 % of the requests are
   sent a second time with the same Idempotency-Key (a client retry).
4. Checks afterwards: every accepted melding is in the database exactly once, every retry
   got the first answer, no 5xx; writes the figures to docs/benchmarks.md, subsection
   "Last run of benchmarks/intake.py" (only that subsection; --no-write: print only).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verzuim_bench")
VANDAAG = dt.date(2026, 10, 1)
PORT = int(os.environ.get("BENCH_PORT", "8765"))
GEMEENTEN = ["GM0363", "GM0599", "GM0392", "GM0518", "GM0344", "GM0772", "GM0473", "GM0397"]
# Each run rewrites only its own subsection of "## Intake over HTTP"; the summary and the
# history above it are written by hand.
SECTION = "### Last run of benchmarks/intake.py"


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "VERZUIM_TODAY": VANDAAG.isoformat(),
        "VERZUIM_TASKS_BACKEND": "verzuim.taken.DatabaseBackend",
        "VERZUIM_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "VERZUIM_DEMO": "1",
        "VERZUIM_DEBUG": "0",
        "PYTHONPATH": str(ROOT / "src"),
    }


def maak_database() -> None:
    naam = DB_URL.rsplit("/", 1)[1]
    base = DB_URL.rsplit("/", 1)[0] + "/postgres"
    for sql in (f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)", f"CREATE DATABASE {naam}"):
        subprocess.run(["psql", base, "-qc", sql], check=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=_env(), check=True
    )


def leeg_meldingen() -> None:
    """Start a reused database without earlier meldingen, so the exactly-once check counts
    only this run's rows and no pupil is reported twice (R-ME-6)."""
    import psycopg

    with psycopg.connect(DB_URL.replace("postgres://", "postgresql://")) as conn:
        conn.execute(
            "TRUNCATE meldingen_melding, api_idempotencyrecord, audit_auditrecord, "
            "django_tasks_database_dbtaskresult CASCADE"
        )


def bsns(aantal: int, start: int = 200_000_000) -> list[str]:
    from stdnum.nl import bsn

    uit, n = [], start
    while len(uit) < aantal:
        s = f"{n:09d}"
        if bsn.is_valid(s):
            uit.append(s)
        n += 1
    return uit


def scenario(aantal_leerlingen: int, rnd: random.Random) -> tuple[dict, list[dict]]:
    scholen = []
    for i in range(40):
        brin = f"{10 + i // 26:02d}{chr(65 + i % 26)}{chr(65 + (i * 7) % 26)}"
        scholen.append(
            {
                "brin": brin,
                "naam": f"Benchmarkschool {i}",
                "sector": "vo",
                "vestigingen": [
                    {
                        "code": f"{brin}00",
                        "naam": f"Benchmarkschool {i}",
                        "gemeente": GEMEENTEN[i % len(GEMEENTEN)],
                    }
                ],
            }
        )
    personen, inschrijvingen, leerlingen = [], [], []
    for n, b in enumerate(bsns(aantal_leerlingen)):
        school = scholen[n % len(scholen)]
        gemeente = rnd.choice(GEMEENTEN)
        achttien_plus = n % 10 == 0
        jaar = 2007 if achttien_plus else rnd.randint(2009, 2013)
        personen.append(
            {
                "burgerservicenummer": b,
                "naam": {"voornamen": "Bench", "geslachtsnaam": f"Leerling{n}"},
                "geboorte": {"datum": f"{jaar}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"},
                "gemeenteVanInschrijving": {"code": gemeente[2:]},
            }
        )
        inschrijvingen.append(
            {
                "leerling": {"burgerservicenummer": b},
                "vestiging": school["vestigingen"][0]["code"],
                "begindatum": "2024-08-19",
                "einddatum": None,
            }
        )
        leerlingen.append(
            {
                "bsn": b,
                "brin": school["brin"],
                "vestiging": school["vestigingen"][0]["code"],
                "achttien_plus": achttien_plus,
            }
        )
    data = {
        "vandaag": VANDAAG.isoformat(),
        "leerplichtdiensten": [
            {
                "code": "RBL-ZK",
                "naam": "Leerplicht Zuid-Kennemerland",
                "gemeenten": ["GM0473", "GM0397"],
            }
        ],
        "routering": [
            {"gemeente": g, "doelgroep": d, "naar": "RBL-ZK"}
            for g in ("GM0473", "GM0397")
            for d in ("leerplichtig", "kwalificatieplichtig")
        ],
        "instellingen": scholen,
        "personen": personen,
        "inschrijvingen": inschrijvingen,
        "tokens": [
            {
                "organisatie": s["brin"],
                "scopes": ["meldingen.aanmaken", "meldingen.lezen"],
                "token": token(s["brin"]),
                "naam": "LAS",
            }
            for s in scholen
        ],
    }
    return data, leerlingen


def token(brin: str) -> str:
    return f"bench-{brin}-00000000000000000000000000"


def laad(data: dict) -> None:
    os.environ.update(_env())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuim.settings")
    import django

    django.setup()
    from django.db import connections

    from verzuim.personen.scenario import laad_scenario

    laad_scenario(data, demo=True)
    connections.close_all()


def melding(leerling: dict, rnd: random.Random) -> dict:
    if leerling["achttien_plus"]:
        soort, begin, eind = "18-plus", dt.date(2026, 8, 24), dt.date(2026, 9, 25)
    else:
        soort = rnd.choices(["16-uur", "luxe", "langdurig", "overig"], [70, 10, 15, 5])[0]
        begin = dt.date(2026, 9, 1) + dt.timedelta(
            days=rnd.randint(0, 2 if soort == "langdurig" else 6)
        )
        eind = {
            "16-uur": begin + dt.timedelta(days=18),
            "langdurig": begin + dt.timedelta(days=28),
            "luxe": begin + dt.timedelta(days=2),
            "overig": begin + dt.timedelta(days=5),
        }[soort]
    dagen = [begin + dt.timedelta(days=i) for i in range(0, (eind - begin).days + 1, 3)][:8]
    return {
        "leerling": {"burgerservicenummer": leerling["bsn"]},
        "vestiging": leerling["vestiging"],
        "verzuimsoort": soort,
        "begindatum": begin.isoformat(),
        "einddatum": eind.isoformat(),
        "verzuimdeUren": round(rnd.uniform(16, 40), 1),
        "teLaatKeren": rnd.randint(0, 8),
        "verzuimdagen": [{"datum": d.isoformat(), "uren": 5.0} for d in dagen],
        "vermoedelijkeReden": "Onbekend; ouders reageren niet op berichten van de mentor.",
        "ondernomenActie": "Twee gesprekken met de leerling, brief aan ouders.",
        "gewensteActie": "Oproep door de leerplichtambtenaar.",
        "contactpersoon": {
            "naam": "M. de Mentor",
            "functie": "mentor",
            "email": "mentor@school.example",
            "telefoon": "0201234567",
        },
    }


def start_server(
    workers: int, threads: int, *, stderr=None, extra: tuple[str, ...] = ()
) -> subprocess.Popen:
    """gunicorn as the README runs it; `extra` options come last (and win)."""
    # gthread keeps client connections alive (sync workers close each one); --preload
    # imports Django once before forking.
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "verzuim.wsgi:application",
        "--preload",
        "-w",
        str(workers),
        *(["-k", "gthread", "--threads", str(threads), "--keep-alive", "30"] if threads else []),
        "-b",
        f"127.0.0.1:{PORT}",
        "--access-logfile",
        "/dev/null",
        "--log-level",
        "warning",
        "--backlog",
        "2048",
        *extra,
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), start_new_session=True, stderr=stderr)
    import httpx

    for _ in range(100):
        try:
            if (
                httpx.get(f"http://127.0.0.1:{PORT}/api/v1/openapi.json", timeout=2).status_code
                == 200
            ):
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn kwam niet op")


async def belast(leerlingen: list[dict], clients: int, seconden: float, rnd: random.Random):
    import httpx

    url = f"http://127.0.0.1:{PORT}/api/v1/meldingen"
    wachtrij = list(leerlingen)
    rnd.shuffle(wachtrij)
    latenties: list[float] = []
    statussen: dict[int, int] = {}
    geaccepteerd: dict[str, str] = {}  # idempotency key -> uuid
    retries: list[tuple[str, str, str]] = []  # key, first uuid, retry uuid
    einde = time.perf_counter() + seconden
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(limits=limits, timeout=30) as http:

        async def post(body, key, brin):
            t0 = time.perf_counter()
            r = await http.post(
                url,
                json=body,
                headers={"Authorization": f"Bearer {token(brin)}", "Idempotency-Key": key},
            )
            latenties.append(time.perf_counter() - t0)
            statussen[r.status_code] = statussen.get(r.status_code, 0) + 1
            return r

        async def client():
            while time.perf_counter() < einde and wachtrij:
                ll = wachtrij.pop()
                key, body = str(uuid.uuid4()), melding(ll, rnd)
                r = await post(body, key, ll["brin"])
                if r.status_code in (200, 201):
                    geaccepteerd[key] = r.json()["uuid"]
                    if rnd.random() < 0.05:
                        r2 = await post(body, key, ll["brin"])
                        retries.append(
                            (
                                key,
                                r.json()["uuid"],
                                r2.json().get("uuid") if r2.status_code < 300 else "",
                            )
                        )

        t0 = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        duur = time.perf_counter() - t0
    return latenties, statussen, geaccepteerd, retries, duur


def controleer(geaccepteerd: dict[str, str], retries) -> dict:
    import psycopg

    with psycopg.connect(DB_URL.replace("postgres://", "postgresql://")) as conn:
        rij = conn.execute(
            "SELECT count(*), count(DISTINCT uuid), count(DISTINCT duplicaatsleutel) "
            "FROM meldingen_melding"
        ).fetchone()
        taken = conn.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult").fetchone()[
            0
        ]
        uuids = {str(u) for (u,) in conn.execute("SELECT uuid FROM meldingen_melding")}
    verwacht = set(geaccepteerd.values())
    return {
        "rijen": rij[0],
        "uniek": rij[1],
        "sleutels": rij[2],
        "taken": taken,
        "ontbrekend": len(verwacht - uuids),
        "onverwacht": len(uuids - verwacht),
        "retries": len(retries),
        "retries_ander_antwoord": sum(1 for _, a, b in retries if a != b),
    }


def schrijf(tekst: str, section: str = SECTION) -> None:
    """Replace `section` (a heading line, up to the next heading) in docs/benchmarks.md, or
    append it."""
    pad = ROOT / "docs" / "benchmarks.md"
    bestaand = pad.read_text() if pad.exists() else "# Benchmarks\n"
    patroon = re.compile(rf"^{re.escape(section)}\n.*?(?=^##+ |\Z)", re.S | re.M)
    if patroon.search(bestaand):
        nieuw = patroon.sub(lambda _: tekst, bestaand)
    else:
        nieuw = bestaand.rstrip() + "\n\n" + tekst
    pad.write_text(nieuw)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=40)
    ap.add_argument("--clients", type=int, default=24)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4, help="gthread threads; 0: sync workers")
    ap.add_argument("--pupils", type=int, default=20000)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--skip-setup", action="store_true", help="reuse the loaded database")
    args = ap.parse_args()
    rnd = random.Random(2026)
    data, leerlingen = scenario(args.pupils, rnd)
    if not args.skip_setup:
        t0 = time.perf_counter()
        maak_database()
        laad(data)
        print(f"database en scenario klaar in {time.perf_counter() - t0:.0f} s", flush=True)
    else:
        leeg_meldingen()
    server = start_server(args.workers, args.threads)
    try:
        lat, statussen, geaccepteerd, retries, duur = asyncio.run(
            belast(leerlingen, args.clients, args.seconds, rnd)
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    c = controleer(geaccepteerd, retries)
    lat_ms = sorted(x * 1000 for x in lat)
    p = lambda q: lat_ms[min(len(lat_ms) - 1, int(q * len(lat_ms)))]  # noqa: E731
    resultaat = {
        "verzoeken": len(lat),
        "duur": duur,
        "per_s": len(lat) / duur,
        "meldingen_per_s": len(geaccepteerd) / duur,
        "p50": statistics.median(lat_ms),
        "p90": p(0.90),
        "p99": p(0.99),
        "max": lat_ms[-1],
        "statussen": statussen,
        **c,
    }
    print(resultaat)
    ok = (
        c["ontbrekend"] == 0
        and c["onverwacht"] == 0
        and c["rijen"] == c["uniek"] == len(geaccepteerd)
        and c["retries_ander_antwoord"] == 0
        and not any(s >= 500 for s in statussen)
    )
    soort = f"gthread workers x {args.threads} threads" if args.threads else "sync workers"
    tekst = f"""{SECTION}

`benchmarks/intake.py` (issue 3): gunicorn with {args.workers} {soort} on 127.0.0.1,
PostgreSQL on the same 2-CPU machine, {args.clients} concurrent async httpx clients on
loopback (client, server and database share the two CPUs). Scenario: 40 schools in 8
gemeenten (2 routed to a leerplichtdienst), {args.pupils:,} pupils with BRP persons and
enrolments, one token per school. Each request is a realistic melding (70 % 16-uur, also
luxe, langdurig, overig and 18-plus; up to 8 verzuimdagen, contactpersoon), fully validated
(R-ME-1..3 incl. leerplicht status), routed (R-RT-1..3), stored with status history, audit
record, in-app notification and a queued e-mail task (django-tasks database backend). 5 % of
the requests were retried with the same Idempotency-Key.

| measure | result | target |
|---|---|---|
| sustained meldingen/s (accepted, {duur:.0f} s) | **{resultaat["meldingen_per_s"]:.0f}** | ≥ 200 |
| HTTP requests/s (incl. retries) | {resultaat["per_s"]:.0f} | |
| latency p50 | {resultaat["p50"]:.0f} ms | |
| latency p90 | {resultaat["p90"]:.0f} ms | |
| latency p99 | **{resultaat["p99"]:.0f} ms** | < 250 ms |
| latency max | {resultaat["max"]:.0f} ms | |
| responses | {", ".join(f"{k}: {v}" for k, v in sorted(statussen.items()))} | no 5xx |
| accepted meldingen / rows in the database | {len(geaccepteerd)} / {c["rijen"]} ({c["uniek"]} distinct uuids) | equal |
| lost / unexpected rows | {c["ontbrekend"]} / {c["onverwacht"]} | 0 / 0 |
| retries with the same Idempotency-Key / answered with another melding | {c["retries"]} / {c["retries_ander_antwoord"]} | – / 0 |
| e-mail tasks queued | {c["taken"]} | one per melding |

Verdict: {"nothing lost or doubled" if ok else "CHECK FAILED"}; throughput target
{"met" if resultaat["meldingen_per_s"] >= 200 else "not met"}, p99 target
{"met" if resultaat["p99"] < 250 else "not met"}. Run on {time.strftime("%Y-%m-%d")}
(`.venv/bin/python benchmarks/intake.py --seconds {args.seconds:.0f} --clients {args.clients}
--workers {args.workers} --threads {args.threads}`).

"""
    if not args.no_write:
        schrijf(tekst)
    print(tekst)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
