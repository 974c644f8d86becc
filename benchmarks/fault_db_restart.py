"""Fault: the database goes away mid-load (issue 8 §4).

    .venv/bin/python benchmarks/fault_db_restart.py [--runs 3] [--faults restart,stop]
        [--down 5] [--clients 16] [--before 8] [--after 12] [--pupils 20000]
        [--pg-port 55432] [--http-port 8104] [--no-write]

1. Starts a PRIVATE PostgreSQL 15 cluster: initdb in a temporary directory with its own port
   (--pg-port) and socket directory, run as the `postgres` system user when this script runs
   as root (initdb and postgres refuse root). The machine's own cluster is never touched:
   port 5432 is refused, and every pg_ctl call names the private data directory.
2. Creates, migrates and loads the database with benchmarks/intake.py's scenario (40 schools,
   --pupils pupils with BRP persons and enrolments, one token per school).
3. Per run and fault: empties the meldingen, starts gunicorn with the README's configuration
   (--preload, 2 gthread workers x 4 threads, keep-alive 30, persistent connections), and
   --clients async httpx clients post realistic meldingen, each with its own Idempotency-Key,
   for --before seconds; then the fault:
     restart       `pg_ctl restart -m fast` (fast shutdown: open sessions are terminated)
     stop          `pg_ctl stop -m fast`, --down seconds without a server, `pg_ctl start`
     restart-idle  the clients pause 1 s before a fast restart and resume when the database
                   is back: every persistent connection of the server is then stale (the
                   quiet-hours case), and no request may fail because of it
   and --after seconds of new meldingen after the database accepts connections again. A
   melding answered with anything but 200/201 (or not answered) goes back in the queue and is
   sent again, same key and body, after the answer's Retry-After (1 s without one), until every
   melding has an answer; meanwhile the clients keep sending new ones.
4. Checks: every 503 is problem+json with Retry-After; no other 5xx; no request takes longer
   than --max-latency; the time from the database accepting connections to the first 201 and
   whether any request failed after that; every accepted melding stored exactly once (rows =
   accepted = distinct pupils = idempotency keys = distinct uuids, every retry of a key
   answered with the same melding) with its status, notification and e-mail task (nothing
   half-saved); the gunicorn workers were never replaced.
5. Prints every run and the medians per fault, and writes them to docs/benchmarks.md,
   subsection "Last run of benchmarks/fault_db_restart.py" (--no-write: print only).
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import itertools
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SECTION = "### Last run of benchmarks/fault_db_restart.py"
DATABASE = "verzuim_fault"
PROBLEM = "application/problem+json"


class PrivateCluster:
    """A throwaway PostgreSQL cluster: its own data directory, port and socket directory."""

    def __init__(self, port: int):
        if port == 5432:
            raise SystemExit("poort 5432 is het cluster van de machine; kies een eigen poort")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"poort {port} is al in gebruik")
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="verzuim-fault-pg-"))
        self.data, self.sockets = self.dir / "data", self.dir / "sockets"
        self.log = self.dir / "postgresql.log"
        self.sockets.mkdir()
        # initdb and postgres refuse to run as root: run them as the postgres system user.
        self.als = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.als:
            for pad in (self.dir, self.sockets):
                shutil.chown(pad, "postgres", "postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _pg(self, programma: str, *args: str) -> None:
        subprocess.run(
            [*self.als, str(PG_BIN / programma), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def _pg_ctl(self, *args: str) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), *args)

    def init(self) -> None:
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {self.port}\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.sockets}'\n"
            )
        self._pg_ctl("-w", "start")

    def restart(self) -> None:
        """Fast shutdown (sessions terminated, waits until down), start without waiting."""
        self._pg_ctl("-m", "fast", "-W", "restart")

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl("-W", "start")

    def wacht_tot_bereikbaar(self, timeout: float = 60) -> float:
        """Poll with a fresh connection every 20 ms; the moment the database answers."""
        import psycopg

        einde = time.perf_counter() + timeout
        while time.perf_counter() < einde:
            try:
                with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as conn:
                    conn.execute("SELECT 1")
                return time.perf_counter()
            except psycopg.OperationalError:
                time.sleep(0.02)
        raise SystemExit(f"het private cluster kwam niet terug binnen {timeout:.0f} s")

    def opruimen(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [
                    *self.als,
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "immediate",
                    "stop",
                ],
                check=False,
                capture_output=True,
            )
        shutil.rmtree(self.dir, ignore_errors=True)


def storing(cluster: PrivateCluster, soort: str, down: float) -> dict[str, float]:
    """Run the fault (blocking); the moments it began and the database answered again."""
    begin = time.perf_counter()
    if soort in ("restart", "restart-idle"):
        cluster.restart()
    else:
        cluster.stop()
        time.sleep(down)
        cluster.start()
    return {"begin": begin, "terug": cluster.wacht_tot_bereikbaar()}


@dataclass
class Zending:
    """One melding as a client sends it, until it has an answer."""

    key: str
    body: dict
    brin: str
    antwoord: int = 0  # final HTTP status (200/201), 0 while unanswered
    uuids: set[str] = field(default_factory=set)
    pogingen: int = 0


@dataclass
class Poging:
    """One HTTP request: send and answer moments, status (0: no HTTP answer); `server_us`
    is gunicorn's own time for it (access log), without the client's queueing."""

    id: int
    t0: float
    t1: float
    status: int
    retry_after: bool = False
    problem: bool = False
    server_us: int | None = None


async def belast(intake, cluster, leerlingen, args, soort: str, rnd: random.Random) -> dict:
    import httpx

    url = f"http://127.0.0.1:{args.http_port}/api/v1/meldingen"
    nieuw = list(leerlingen)
    rnd.shuffle(nieuw)
    wachtrij: list[tuple[float, int, Zending]] = []  # (due, seq, zending): retries
    volgnummer = itertools.count()
    zendingen: list[Zending] = []
    pogingen: list[Poging] = []
    fouten: Counter[str] = Counter()
    toestand = {"bezig": 0, "einde_nieuw": float("inf"), "storing": {}, "pauze": False}
    deadline = [float("inf")]

    async def verstoor():
        await asyncio.sleep(args.before)
        if soort == "restart-idle":
            toestand["pauze"] = True
            while toestand["bezig"]:
                await asyncio.sleep(0.01)
            await asyncio.sleep(1)
        tijden = await asyncio.to_thread(storing, cluster, soort, args.down)
        toestand["pauze"] = False
        toestand["storing"] = tijden
        toestand["einde_nieuw"] = tijden["terug"] + args.after
        deadline[0] = toestand["einde_nieuw"] + args.drain_timeout

    def volgende() -> Zending | None:
        nu = time.perf_counter()
        if toestand["pauze"]:
            return None
        if wachtrij and wachtrij[0][0] <= nu:
            return heapq.heappop(wachtrij)[2]
        if nu < toestand["einde_nieuw"] and nieuw:
            ll = nieuw.pop()
            z = Zending(str(uuid.uuid4()), intake.melding(ll, rnd), ll["brin"])
            zendingen.append(z)
            return z
        return None

    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    timeout = httpx.Timeout(args.max_latency * 3, connect=5)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:

        async def stuur(z: Zending) -> None:
            z.pogingen += 1
            nummer = next(volgnummer)
            t0 = time.perf_counter()
            try:
                r = await http.post(
                    url,
                    json=z.body,
                    headers={
                        "Authorization": f"Bearer {intake.token(z.brin)}",
                        "Idempotency-Key": z.key,
                        "X-Bench-Id": str(nummer),
                    },
                )
            except httpx.HTTPError as e:
                fouten[type(e).__name__] += 1
                pogingen.append(Poging(nummer, t0, time.perf_counter(), 0))
                heapq.heappush(wachtrij, (time.perf_counter() + 1, next(volgnummer), z))
                return
            p = Poging(nummer, t0, time.perf_counter(), r.status_code, "Retry-After" in r.headers)
            p.problem = r.headers.get("Content-Type", "").startswith(PROBLEM) and (
                r.json().get("status") == r.status_code
            )
            pogingen.append(p)
            if r.status_code in (200, 201):
                z.antwoord = r.status_code
                z.uuids.add(r.json()["uuid"])
            elif r.status_code >= 500:
                wacht = float(r.headers.get("Retry-After", "1"))
                heapq.heappush(wachtrij, (p.t1 + wacht, next(volgnummer), z))
            else:  # 4xx: a final answer the run reports as wrong
                z.antwoord = r.status_code

        async def client():
            while time.perf_counter() < deadline[0]:
                z = volgende()
                if z is not None:
                    toestand["bezig"] += 1
                    try:
                        await stuur(z)
                    finally:
                        toestand["bezig"] -= 1
                elif (
                    time.perf_counter() >= toestand["einde_nieuw"]
                    and not wachtrij
                    and not toestand["bezig"]
                ):
                    return
                else:
                    await asyncio.sleep(0.01)

        t_start = time.perf_counter()
        await asyncio.gather(verstoor(), *(client() for _ in range(args.clients)))
    return {
        "t_start": t_start,
        "storing": toestand["storing"],
        "zendingen": zendingen,
        "pogingen": pogingen,
        "transportfouten": dict(fouten),
    }


def controleer_database(url: str, zendingen: list[Zending]) -> dict:
    """Exactly once and nothing half-saved, counted in the database."""
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:

        def een(sql: str):
            return conn.execute(sql).fetchone()

        rijen, uniek, leerlingen = een(
            "SELECT count(*), count(DISTINCT uuid), count(DISTINCT leerling_id) "
            "FROM meldingen_melding"
        )
        # The API's one key table (api.idempotentie); a melding's key refers to its uuid.
        sleutels = een(
            "SELECT count(DISTINCT (organisatie_id, sleutel)) FROM api_idempotencyrecord "
            "WHERE verzoek = 'POST /api/v1/meldingen'"
        )[0]
        zonder_sleutel = een(
            "SELECT count(*) FROM meldingen_melding m WHERE NOT EXISTS "
            "(SELECT 1 FROM api_idempotencyrecord i WHERE i.object_type = 'melding' "
            "AND i.object_id = m.uuid::text)"
        )[0]
        zonder_status = een(
            "SELECT count(*) FROM meldingen_melding m WHERE NOT EXISTS "
            "(SELECT 1 FROM meldingen_statuswijziging s WHERE s.melding_id = m.id)"
        )[0]
        geregistreerd = een(
            "SELECT count(*) FROM meldingen_melding WHERE status = 'geregistreerd'"
        )[0]
        notificaties = een("SELECT count(*) FROM meldingen_notificatie")[0]
        taken = een("SELECT count(*) FROM django_tasks_database_dbtaskresult")[0]
        in_db = {str(u) for (u,) in conn.execute("SELECT uuid FROM meldingen_melding")}
    geaccepteerd = [z for z in zendingen if z.antwoord in (200, 201)]
    verwacht = set().union(*(z.uuids for z in geaccepteerd)) if geaccepteerd else set()
    return {
        "rijen": rijen,
        "uuids": uniek,
        "leerlingen": leerlingen,
        "sleutels": sleutels,
        "geaccepteerd": len(geaccepteerd),
        "verloren": len(verwacht - in_db),
        "onverwacht": len(in_db - verwacht),
        "sleutel_ander_antwoord": sum(1 for z in geaccepteerd if len(z.uuids) > 1),
        "zonder_sleutel": zonder_sleutel,
        "zonder_status": zonder_status,
        "notificaties_ok": notificaties == geregistreerd,
        "taken_ok": taken == notificaties,
    }


def werkers(master: int) -> set[int]:
    uit = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True
    )
    return {int(p) for p in uit.stdout.split()}


def verbindingen(url: str) -> int:
    """Client sessions on the benchmark database other than this one."""
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [DATABASE],
        ).fetchone()[0]


def meet(intake, cluster, leerlingen, args, soort: str, run: int) -> dict:
    intake.leeg_meldingen()
    rnd = random.Random(f"{soort}-{run}")
    log = cluster.dir / f"gunicorn-{soort}-{run}.log"
    toegang = cluster.dir / f"access-{soort}-{run}.log"
    with log.open("w") as stderr:
        server = intake.start_server(
            args.workers,
            args.threads,
            stderr=stderr,
            extra=(
                "--access-logfile",
                str(toegang),
                "--access-logformat",
                "%({x-bench-id}i)s %(s)s %(D)s",
            ),
        )
    try:
        # --preload imports Django in the master before forking: it must hold no database
        # connection the workers would inherit.
        master_verbindingen = verbindingen(cluster.url)
        voor = werkers(server.pid)
        uit = asyncio.run(belast(intake, cluster, leerlingen, args, soort, rnd))
        na = werkers(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    serverlog = log.read_text()
    servertijd = {}
    for regel in toegang.read_text().splitlines():
        nummer, _, duur = regel.split()
        if nummer.isdigit():
            servertijd[int(nummer)] = int(duur)
    for p in uit["pogingen"]:
        p.server_us = servertijd.get(p.id)
    return samenvatting(soort, uit, controleer_database(cluster.url, uit["zendingen"])) | {
        "master_verbindingen": master_verbindingen,
        "werkers_vervangen": len(voor ^ na),
        "log_500": serverlog.count("Internal Server Error"),
        "log_503": serverlog.count("Service Unavailable"),
    }


def samenvatting(soort: str, uit: dict, db: dict) -> dict:
    pogingen: list[Poging] = uit["pogingen"]
    begin, terug = uit["storing"]["begin"], uit["storing"]["terug"]
    statussen = Counter(p.status for p in pogingen)
    tijdens = [p for p in pogingen if begin <= p.t0 <= terug]
    eerste_201 = min((p.t1 for p in pogingen if p.status == 201 and p.t1 >= terug), default=None)
    mislukt_na = [p for p in pogingen if p.t0 >= terug and p.status not in (200, 201)]
    zendingen: list[Zending] = uit["zendingen"]
    traagste = max(pogingen, key=lambda p: p.t1 - p.t0)
    return {
        "storing": soort,
        "down_s": terug - begin,
        "verzoeken": len(pogingen),
        "statussen": dict(sorted(statussen.items())),
        "503": statussen[503],
        "503_retry_after": sum(1 for p in pogingen if p.status == 503 and p.retry_after),
        "503_problem": sum(1 for p in pogingen if p.status == 503 and p.problem),
        "5xx_anders": sum(n for s, n in statussen.items() if s >= 500 and s != 503),
        "geen_antwoord": statussen[0],
        "transportfouten": uit["transportfouten"],
        "max_latentie_storing_ms": (max(p.t1 - p.t0 for p in tijdens) * 1000 if tijdens else None),
        "max_server_storing_ms": (
            max(p.server_us or 0 for p in tijdens) / 1000 if tijdens else None
        ),
        "max_server_ms": max(p.server_us or 0 for p in pogingen) / 1000,
        "max_latentie_ms": traagste.t1 * 1000 - traagste.t0 * 1000,
        # when the slowest request was sent, in seconds from the fault's begin
        "traagste_verzonden_s": traagste.t0 - begin,
        "terug_tot_201_ms": (eerste_201 - terug) * 1000 if eerste_201 else None,
        "mislukt_na_terug": len(mislukt_na),
        "laatste_fout_na_terug_ms": max((p.t1 - terug for p in mislukt_na), default=0) * 1000,
        "meldingen": len(zendingen),
        "herhaald": sum(1 for z in zendingen if z.pogingen > 1),
        "max_pogingen": max(z.pogingen for z in zendingen),
        "onbeantwoord": sum(1 for z in zendingen if not z.antwoord),
        "fout_antwoord": sum(1 for z in zendingen if z.antwoord not in (0, 200, 201)),
        **db,
    }


def in_orde(r: dict, max_latentie_ms: float) -> bool:
    return (
        r["5xx_anders"] == 0
        and r["503"] == r["503_retry_after"] == r["503_problem"]
        and r["geen_antwoord"] == 0
        and r["max_latentie_ms"] <= max_latentie_ms
        and r["terug_tot_201_ms"] is not None
        and r["onbeantwoord"] == r["fout_antwoord"] == 0
        and r["rijen"] == r["uuids"] == r["leerlingen"] == r["sleutels"] == r["geaccepteerd"]
        and r["verloren"] == r["onverwacht"] == r["sleutel_ander_antwoord"] == 0
        and r["zonder_sleutel"] == r["zonder_status"] == 0
        and r["notificaties_ok"]
        and r["taken_ok"]
        and r["werkers_vervangen"] == 0
        and r["master_verbindingen"] == 0
    )


def mediaan(waarden) -> float | None:
    gemeten = [w for w in waarden if w is not None]
    return statistics.median(gemeten) if gemeten else None


def ms(waarde: float | None) -> str:
    return "–" if waarde is None else f"{waarde:,.0f} ms"


def markdown(runs: list[dict], args, machine: str, belasting: tuple[str, str]) -> str:
    regels = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/fault_db_restart.py --runs {args.runs} --faults "
        f"{args.faults} --down {args.down:g} --clients {args.clients} --before {args.before:g} "
        f"--after {args.after:g} --pupils {args.pupils}`, run on {time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        f"- Machine: {machine}; shared with other engineers' work (load average 1/5/15 min "
        f"before / after: {belasting[0]} → {belasting[1]}).",
        f"- Data: private PostgreSQL 15 cluster (initdb in a temporary directory, port "
        f"{args.pg_port}), benchmarks/intake.py's scenario: 40 schools, {args.pupils:,} pupils "
        "with BRP persons and enrolments; meldingen table emptied before each run.",
        f"- Server: gunicorn --preload -w {args.workers} -k gthread --threads {args.threads} "
        f"--keep-alive 30; {args.clients} async httpx clients, each melding with its own "
        "Idempotency-Key, retried with the same key and body after Retry-After.",
        "",
        "| fault | DB down | requests | responses | 503 with Retry-After + problem+json "
        "| other 5xx | max latency during outage (client / server) | DB back → first 201 | failed after DB back "
        "| meldingen accepted / rows / distinct keys / distinct uuids | lost / doubled "
        "| retried meldingen (max attempts) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        regels.append(
            f"| {r['storing']} | {r['down_s']:.1f} s | {r['verzoeken']:,} | "
            + ", ".join(f"{'none' if s == 0 else s}: {n:,}" for s, n in r["statussen"].items())
            + f" | {r['503_retry_after']:,} of {r['503']:,} | {r['5xx_anders']} | "
            f"{ms(r['max_latentie_storing_ms'])} / {ms(r['max_server_storing_ms'])} | "
            + f"{ms(r['terug_tot_201_ms'])} | {r['mislukt_na_terug']} | {r['geaccepteerd']:,} / {r['rijen']:,} / "
            f"{r['sleutels']:,} / {r['uuids']:,} | {r['verloren']} / "
            f"{r['rijen'] - r['uuids'] + r['onverwacht'] + r['sleutel_ander_antwoord']} | "
            f"{r['herhaald']:,} ({r['max_pogingen']}) |"
        )
    regels += ["", "Medians per fault:", ""]
    for soort in args.faults.split(","):
        eigen = [r for r in runs if r["storing"] == soort]
        if not eigen:
            continue
        regels.append(
            f"- {soort}: DB down {mediaan(r['down_s'] for r in eigen):.1f} s, max latency "
            f"during the outage {ms(mediaan(r['max_latentie_storing_ms'] for r in eigen))} "
            f"(server {ms(mediaan(r['max_server_storing_ms'] for r in eigen))}) "
            f"(overall max {max(r['max_latentie_ms'] for r in eigen):.0f} ms, warm-up included), DB back → first "
            f"201 {ms(mediaan(r['terug_tot_201_ms'] for r in eigen))}, "
            f"{mediaan(r['503'] for r in eigen):,.0f} × 503, "
            f"{sum(r['mislukt_na_terug'] for r in eigen)} failed after the DB was back, "
            f"{sum(r['5xx_anders'] for r in eigen)} other 5xx, "
            f"{sum(r['verloren'] for r in eigen)} lost, "
            f"{sum(r['onverwacht'] + r['sleutel_ander_antwoord'] for r in eigen)} doubled."
        )
    regels += [
        "",
        "Every run also checked: each melding has its status, notification and e-mail task "
        "and an idempotency record; the preloaded gunicorn master held no database "
        "connection; no worker was replaced; no request went unanswered.",
        "",
    ]
    return "\n".join(regels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--faults", default="restart,stop,restart-idle", help="comma-separated")
    ap.add_argument("--down", type=float, default=5, help="seconds without a server (stop)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--before", type=float, default=8, help="seconds of load before the fault")
    ap.add_argument("--after", type=float, default=12, help="seconds of new meldingen after")
    ap.add_argument("--drain-timeout", type=float, default=120)
    ap.add_argument("--max-latency", type=float, default=10, help="seconds; a longer request fails")
    ap.add_argument("--pupils", type=int, default=20000)
    ap.add_argument("--pg-port", type=int, default=55432)
    ap.add_argument("--http-port", type=int, default=8104)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if set(args.faults.split(",")) - {"restart", "stop", "restart-idle"}:
        ap.error("--faults: restart, stop, restart-idle")

    cluster = PrivateCluster(args.pg_port)
    # benchmarks/intake.py reads its database and port from these when imported.
    os.environ["BENCH_DATABASE_URL"] = cluster.url
    os.environ["BENCH_PORT"] = str(args.http_port)
    sys.path.insert(0, str(Path(__file__).parent))
    import intake
    import load_persons

    belasting_voor = load_persons.belasting()
    try:
        t0 = time.perf_counter()
        cluster.init()
        data, leerlingen = intake.scenario(args.pupils, random.Random(2026))
        intake.maak_database()
        intake.laad(data)
        print(f"privé-cluster in {cluster.dir}, geladen in {time.perf_counter() - t0:.0f} s")
        runs = []
        for run in range(args.runs):
            for soort in args.faults.split(","):
                r = meet(intake, cluster, leerlingen, args, soort, run)
                print(r, flush=True)
                runs.append(r)
    finally:
        cluster.opruimen()
    tekst = markdown(runs, args, load_persons.machine(), (belasting_voor, load_persons.belasting()))
    print(tekst)
    if not args.no_write:
        intake.schrijf(tekst, SECTION)
    if not all(in_orde(r, args.max_latency * 1000) for r in runs):
        raise SystemExit("CHECK FAILED")


if __name__ == "__main__":
    main()
