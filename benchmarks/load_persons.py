"""Benchmark: load 100,000 persons with enrolments through the scenario loader.

    .venv/bin/python benchmarks/load_persons.py [--personen 100000] [--runs 3]
        [--backends sqlite,postgresql] [--pg postgres://postgres@127.0.0.1:5432] [--docs]

Generates the persons once (verzuim.personen.demo.maak_personen, deterministic), writes
them as a scenario file, then per backend: a throwaway database (SQLite file in a temp
dir; a fresh PostgreSQL database that is dropped afterwards), migrated once, and per run
a child process that empties the person tables, reads the file and times
`laad_scenario` (validation + load, one transaction). Reported: median of the runs,
persons/s, the CPU seconds of the loading process and (PostgreSQL on this host) of its
server backend, the peak RSS of the child (ru_maxrss) and its growth during the load, one
idempotent reload of the same file, and the load average before and after (other work on
the machine slows the wall-clock figures; the CPU seconds are what the load itself costs).
With --docs the section "Loading persons" of docs/benchmarks.md is rewritten.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
PYTHON = sys.executable


def backend_cpu(connection) -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (same host), else 0."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cur.fetchone()[0]}/stat")
    if not stat.exists():
        return 0.0
    velden = stat.read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def child(pad: str, leeg: bool) -> None:
    """One measured load in a fresh process (DATABASE_URL from the environment)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuim.settings")
    os.environ["VERZUIM_DEMO"] = "1"
    import django

    django.setup()
    from django.db import connection

    from verzuim.personen.scenario import laad_scenario

    if leeg:
        tabellen = ["personen_inschrijving", "personen_diploma", "personen_vrijstelling",
                    "personen_leerling", "personen_brppersoon"]  # fmt: skip
        with connection.cursor() as cur:
            for t in tabellen:
                if connection.vendor == "postgresql":
                    cur.execute(f"TRUNCATE {t} CASCADE")
                else:
                    cur.execute(f"DELETE FROM {t}")
    with open(pad, encoding="utf-8") as f:
        data = json.load(f)
    rss_voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    server_voor = backend_cpu(connection)
    cpu_start, start = time.process_time(), time.perf_counter()
    r = laad_scenario(data, demo=True)
    seconden, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    server = backend_cpu(connection) - server_voor
    rss_na = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconden": seconden, "cpu": cpu, "server_cpu": server,
                      "rss_piek_kb": rss_na, "rss_groei_kb": rss_na - rss_voor,
                      "aantallen": r.aantallen}))  # fmt: skip


def run_child(pad: Path, env: dict, leeg: bool) -> dict:
    args = [PYTHON, __file__, "--child", str(pad)] + (["--leeg"] if leeg else [])
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def migrate(env: dict) -> None:
    subprocess.run([PYTHON, str(ROOT / "manage.py"), "migrate", "-v0"], env=env, check=True)


def genereer(aantal: int, pad: Path) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuim.settings")
    from verzuim.personen.demo import VANDAAG, maak_personen

    deel = maak_personen(aantal, seed=42)
    gen = deel.pop("generator")
    data = {"vandaag": VANDAAG.isoformat(), "instellingen": gen.instellingen(), **deel}
    pad.write_text(json.dumps(data, ensure_ascii=False))
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


def meet(backend: str, env: dict, pad: Path, runs: int) -> dict:
    migrate(env)
    resultaten = [run_child(pad, env, leeg=True) for _ in range(runs)]
    herladen = run_child(pad, env, leeg=False)
    tijden = sorted(r["seconden"] for r in resultaten)
    mediaan = statistics.median(tijden)
    return {
        "backend": backend,
        "tijden": tijden,
        "mediaan": mediaan,
        "cpu": statistics.median(r["cpu"] for r in resultaten),
        "server_cpu": statistics.median(r["server_cpu"] for r in resultaten),
        "rss_piek_mb": max(r["rss_piek_kb"] for r in resultaten) / 1024,
        "rss_groei_mb": max(r["rss_groei_kb"] for r in resultaten) / 1024,
        "herladen": herladen["seconden"],
        "aantallen": resultaten[0]["aantallen"],
    }


@contextmanager
def gunicorn(env: dict, poort: int, workers: int = 2) -> Iterator[str]:
    """The application under gunicorn (`workers` workers) on 127.0.0.1:`poort`, ready to
    answer; yields its base URL and stops it afterwards (the page benchmarks)."""
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "verzuim.wsgi", "-w", str(workers),
         "-b", f"127.0.0.1:{poort}", "--chdir", str(ROOT / "src"), "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{basis}/api/v1/openapi.json", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield basis
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def belasting() -> str:
    return " / ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((r.split(":", 1)[1].strip() for r in cpuinfo if r.startswith("model name")), "")
    mem_kb = next(int(r.split()[1]) for r in meminfo if r.startswith("MemTotal"))
    import sqlite3

    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"nproc {os.cpu_count()} ({cpu}), {mem_kb / 1024 / 1024:.1f} GiB RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {pg or 'PostgreSQL'}"
    )


def markdown(aantal: int, omvang: dict, bestand_mb: float, metingen: list[dict], runs: int,
             belasting_voor: str, belasting_na: str) -> str:  # fmt: skip
    regels = [
        "## Loading persons",
        "",
        f"`benchmarks/load_persons.py`: {aantal:,} persons (BRP store) with their enrolments and",
        "diploma's, generated by `verzuim.personen.demo.maak_personen(seed=42)`, loaded by",
        "`verzuim.personen.scenario.laad_scenario`: every record validated (all errors with their",
        "JSON path) while its row tuple is built, in one transaction; the persons are streamed",
        "into the database while the rest of the file is validated, the other tables follow as",
        "set-based upserts —",
        "COPY on PostgreSQL (into an empty table directly, rebuilding foreign keys, unique",
        "constraints and plain indexes afterwards for large loads; otherwise via a temporary",
        "table and INSERT … ON CONFLICT), executemany INSERT … ON CONFLICT on SQLite.",
        f"Time = the load call only (file already parsed); median of {runs} runs into empty tables.",
        "CPU = CPU seconds of the loading process / of its PostgreSQL backend (median); the",
        "last column is persons per CPU-second of both together, i.e. the rate with a core to",
        "spare and no overlap. Peak memory = ru_maxrss of the loading process (growth = during",
        "the load).",
        "",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min) before / after the benchmark: {belasting_voor} → "
        f"{belasting_na} (other engineers' test suites share the machine)",
        "- Data: "
        + ", ".join(f"{v:,} {k}" for k, v in omvang.items())
        + f"; scenario file {bestand_mb:.0f} MB",
        "",
        "| database | median time | persons/s | runs (s) | CPU load / server | peak RSS "
        "| RSS growth | idempotent reload | persons per CPU-s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for m in metingen:
        cpu = m["cpu"] + m["server_cpu"]
        regels.append(
            f"| {m['backend']} | {m['mediaan']:.2f} s | {aantal / m['mediaan']:,.0f} | "
            f"{', '.join(f'{t:.2f}' for t in m['tijden'])} | "
            f"{m['cpu']:.2f} s / {m['server_cpu']:.2f} s | {m['rss_piek_mb']:.0f} MB | "
            f"{m['rss_groei_mb']:.0f} MB | {m['herladen']:.2f} s | {aantal / cpu:,.0f} |"
        )
    regels += ["", "Target: ≥ 20,000 persons/s on PostgreSQL (issue 2).", ""]
    return "\n".join(regels)


def schrijf_docs(sectie: str) -> None:
    """Replace the section of docs/benchmarks.md whose heading is `sectie`'s first line (or
    append it); the other benchmarks' sections stay as they are."""
    pad = ROOT / "docs" / "benchmarks.md"
    tekst = pad.read_text() if pad.exists() else "# Benchmarks\n\n"
    begin = tekst.find(sectie.splitlines()[0] + "\n")
    if begin == -1:
        tekst = tekst.rstrip("\n") + "\n\n" + sectie
    else:
        einde = tekst.find("\n## ", begin + 1)
        tekst = tekst[:begin] + sectie + ("\n" + tekst[einde + 1 :] if einde != -1 else "")
    pad.write_text(tekst)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--personen", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--backends", default="sqlite,postgresql")
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--docs", action="store_true")
    p.add_argument("--child")
    p.add_argument("--leeg", action="store_true")
    a = p.parse_args()
    if a.child:
        child(a.child, a.leeg)
        return
    belasting_voor = belasting()
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "scenario.json"
        t0 = time.perf_counter()
        omvang = genereer(a.personen, pad)
        print(f"generated {omvang} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        metingen = []
        base_env = {**os.environ, "VERZUIM_DEMO": "1", "VERZUIM_VAR_DIR": tmp}
        for backend in a.backends.split(","):
            if backend == "sqlite":
                env = {**base_env, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
                metingen.append(meet("SQLite", env, pad, a.runs))
            else:
                import psycopg

                db = f"verzuim_bench_{os.getpid()}"
                with psycopg.connect(f"{a.pg}/postgres", autocommit=True) as conn:
                    conn.execute(f"CREATE DATABASE {db}")
                try:
                    env = {**base_env, "DATABASE_URL": f"{a.pg}/{db}"}
                    metingen.append(meet("PostgreSQL", env, pad, a.runs))
                finally:
                    with psycopg.connect(f"{a.pg}/postgres", autocommit=True) as conn:
                        conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
            print(json.dumps(metingen[-1]), file=sys.stderr)
        sectie = markdown(a.personen, omvang, pad.stat().st_size / 1e6, metingen, a.runs,
                          belasting_voor, belasting())  # fmt: skip
    print(sectie)
    if a.docs:
        schrijf_docs(sectie)


if __name__ == "__main__":
    main()
