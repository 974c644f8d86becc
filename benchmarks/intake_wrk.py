"""Intake over HTTP with a low-CPU load generator (wrk + Lua) instead of httpx (issue 3 "Speed").

    .venv/bin/python benchmarks/intake_wrk.py [--runs 3] [--seconds 20] [--wrk-threads 2]
                                              [--connections 16] [--workers 2] [--threads 4]
                                              [--skip-setup]

Same server, database, scenario (20,000 pupils, one token per school) and meldingen as
benchmarks/intake.py, whose functions it uses. Per run: empties the meldingen, writes one
realistic body per pupil (shuffled; token, BSN, Idempotency-Key, JSON on one line) for
benchmarks/intake_wrk.lua, starts gunicorn, runs Debian's `wrk` (C, epoll) against it, stops
gunicorn, and checks in PostgreSQL: every first send answered 201 is stored exactly once,
retries (5 % of the requests re-send an answered body with its key) got the same melding and
no extra row, one e-mail task per melding, no 5xx. Requests still in flight when wrk stops
may be committed without wrk seeing the answer; those rows must belong to sent-but-unanswered
bodies. Prints every run and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import tempfile
import uuid
from pathlib import Path

from intake import (
    DB_URL,
    PORT,
    controleer,
    laad,
    leeg_meldingen,
    maak_database,
    melding,
    scenario,
    start_server,
    token,
)

LUA = Path(__file__).with_name("intake_wrk.lua")


def schrijf_bodies(pad: Path, leerlingen: list[dict], rnd: random.Random) -> dict[str, str]:
    """One line per pupil in random order; returns bsn -> Idempotency-Key."""
    volgorde = list(leerlingen)
    rnd.shuffle(volgorde)
    sleutels = {}
    with pad.open("w") as f:
        for ll in volgorde:
            key = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
            sleutels[ll["bsn"]] = key
            body = json.dumps(melding(ll, rnd), separators=(",", ":"), ensure_ascii=False)
            f.write(f"{token(ll['brin'])}\t{ll['bsn']}\t{key}\t{body}\n")
    return sleutels


def cpu_seconden() -> dict[str, float]:
    """CPU seconds used so far by the gunicorn processes and by PostgreSQL (from /proc)."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = {"gunicorn": 0.0, "postgres": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        velden = stat.rsplit(")", 1)[1].split()
        cpu = (int(velden[11]) + int(velden[12])) / tik  # utime + stime
        if b"gunicorn" in cmd:
            totaal["gunicorn"] += cpu
        elif stat.split(" (", 1)[1].startswith("postgres"):
            totaal["postgres"] += cpu
    return totaal


def draai_wrk(args, bodies: Path, log: Path) -> tuple[dict, float]:
    env = {
        **os.environ,
        "INTAKE_WRK_BODIES": str(bodies),
        "INTAKE_WRK_THREADS": str(args.wrk_threads),
        "INTAKE_WRK_RETRY": str(args.retry),
        "INTAKE_WRK_OUT": str(log),
    }
    cmd = [
        shutil.which("wrk") or "wrk",
        f"-t{args.wrk_threads}",
        f"-c{args.connections}",
        f"-d{args.seconds:.0f}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{PORT}/api/v1/meldingen",
    ]
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    uit = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)
    regel = next(r for r in reversed(uit.splitlines()) if r.startswith("{"))
    return json.loads(regel), cpu


def lees_log(log: Path, sleutels: dict[str, str]):
    """The first answer per pupil is the first send (a retry goes only after it)."""
    eerste: dict[str, tuple[int, str]] = {}
    retries: list[tuple[str, str, str]] = []  # key, first uuid, retry uuid
    verzonden: set[str] = set()
    retries_verzonden = 0
    for regel in log.read_text().splitlines():
        soort, *rest = regel.split("\t")
        if soort == "S":
            verzonden.add(rest[0])
        elif soort == "R":
            retries_verzonden += 1
        elif rest[1]:  # an answer naming a pupil; problem+json answers show in the statuses
            status, bsn, mid = int(rest[0]), rest[1], rest[2]
            if bsn in eerste:
                retries.append((sleutels[bsn], eerste[bsn][1], mid))
            else:
                eerste[bsn] = (status, mid)
    geaccepteerd = {sleutels[b]: mid for b, (st, mid) in eerste.items() if st == 201}
    return geaccepteerd, retries, verzonden - eerste.keys(), retries_verzonden


def rijen_per_leerling() -> tuple[dict[str, str], int]:
    import psycopg

    with psycopg.connect(DB_URL.replace("postgres://", "postgresql://")) as conn:
        rijen = conn.execute(
            "SELECT m.uuid, l.burgerservicenummer FROM meldingen_melding m "
            "JOIN personen_leerling l ON l.id = m.leerling_id"
        ).fetchall()
    return {str(u): b for u, b in rijen}, len({b for _, b in rijen})


def run(args, leerlingen: list[dict], nummer: int, werk: Path) -> dict:
    leeg_meldingen()
    bodies, log = werk / f"bodies-{nummer}.tsv", werk / f"log-{nummer}.tsv"
    sleutels = schrijf_bodies(bodies, leerlingen, random.Random(nummer))
    server = start_server(args.workers, args.threads)
    load_voor = os.getloadavg()[0]
    try:
        cpu_voor = cpu_seconden()
        w, wrk_cpu = draai_wrk(args, bodies, log)
        cpu_na = cpu_seconden()
        load_na = os.getloadavg()[0]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    geaccepteerd, retries, onbeantwoord, retries_verzonden = lees_log(log, sleutels)
    c = controleer(geaccepteerd, retries)
    per_uuid, leerlingen_met_rij = rijen_per_leerling()
    verwacht = set(geaccepteerd.values())
    extra = [b for u, b in per_uuid.items() if u not in verwacht]
    duur = w["duration_us"] / 1e6
    statussen = {int(k): v for k, v in w["statuses"].items()}
    ok = (
        c["ontbrekend"] == 0
        and c["rijen"] == c["uniek"] == leerlingen_met_rij == len(geaccepteerd) + len(extra)
        and all(b in onbeantwoord for b in extra)  # only requests cut off when wrk stopped
        and c["retries_ander_antwoord"] == 0
        and c["taken"] == c["rijen"]
        and not any(s >= 500 for s in statussen)
        and not any(w["errors"][k] for k in ("connect", "write", "status", "timeout"))
    )
    return {
        "meldingen_per_s": len(geaccepteerd) / duur,
        "requests_per_s": w["requests"] / duur,
        "p50": w["p50_us"] / 1000,
        "p90": w["p90_us"] / 1000,
        "p99": w["p99_us"] / 1000,
        "max": w["max_us"] / 1000,
        "statuses": statussen,
        "wrk_errors": w["errors"],
        "accepted": len(geaccepteerd),
        "rows": c["rijen"],
        "distinct_uuids": c["uniek"],
        "pupils_with_row": leerlingen_met_rij,
        "lost": c["ontbrekend"],
        "in_flight_at_stop": len(onbeantwoord),
        "in_flight_committed": len(extra),
        "retries_sent": retries_verzonden,
        "retries_answered": c["retries"],
        "retries_other_melding": c["retries_ander_antwoord"],
        "email_tasks": c["taken"],
        "wrk_cpu_s": wrk_cpu,
        "wrk_cpu_pct": 100 * wrk_cpu / duur,
        # CPU per answered request of the server and the database (retries included).
        **{
            f"{naam}_cpu_ms_per_request": 1000 * (cpu_na[naam] - cpu_voor[naam]) / w["requests"]
            for naam in cpu_na
        },
        "load_start": load_voor,
        "load_end": load_na,
        "exactly_once": ok,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4, help="gunicorn gthread threads")
    ap.add_argument("--retry", type=float, default=0.05)
    ap.add_argument("--pupils", type=int, default=20000)
    ap.add_argument("--skip-setup", action="store_true", help="reuse the loaded database")
    args = ap.parse_args()
    data, leerlingen = scenario(args.pupils, random.Random(2026))
    if not args.skip_setup:
        maak_database()
        laad(data)
    resultaten = []
    with tempfile.TemporaryDirectory(prefix="intake_wrk-") as werk:
        for n in range(1, args.runs + 1):
            r = run(args, leerlingen, n, Path(werk))
            print(json.dumps({"run": n, **r}, default=str), flush=True)
            resultaten.append(r)
    mediaan = {
        k: statistics.median(r[k] for r in resultaten)
        for k in ("meldingen_per_s", "requests_per_s", "p50", "p99", "wrk_cpu_pct")
    }
    print(
        f"{args.connections} connections, {args.wrk_threads} wrk threads, gunicorn "
        f"{args.workers}x{args.threads}: median {mediaan['meldingen_per_s']:.0f} meldingen/s, "
        f"p50 {mediaan['p50']:.0f} ms, p99 {mediaan['p99']:.0f} ms, wrk CPU "
        f"{mediaan['wrk_cpu_pct']:.0f} % of one core; exactly once in "
        f"{sum(r['exactly_once'] for r in resultaten)}/{len(resultaten)} runs"
    )
    if not all(r["exactly_once"] for r in resultaten):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
