"""`verzuim logboek-export [--van JJJJ-MM-DD] [--tot JJJJ-MM-DD]`: the audit log as Logboek
Dataverwerkingen lines (JSON Lines on stdout, oldest first) for an external Logboek. The
export itself is a processing and is logged (doel privacytoezicht)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from verzuim.audit import logboek
from verzuim.audit import services as audit
from verzuim.audit.context import Actor
from verzuim.audit.models import AuditRecord
from verzuim.invoer import Fouten, lees_datum


class Command(BaseCommand):
    help = "Exporteer het auditlog als Logboek Dataverwerkingen (JSON Lines)."

    def add_arguments(self, parser):
        parser.add_argument("--van", help="eerste dag (JJJJ-MM-DD)")
        parser.add_argument("--tot", help="laatste dag (JJJJ-MM-DD)")

    def handle(self, *args, **opts):
        fouten = Fouten()
        van = lees_datum(opts["van"], "van", fouten, verplicht=False)
        tot = lees_datum(opts["tot"], "tot", fouten, verplicht=False)
        if fouten:
            raise CommandError("; ".join(f"--{f['name']}: {f['reason']}" for f in fouten))
        qs = AuditRecord.objects.order_by("tijdstip", "id").prefetch_related("personen")
        if van:
            qs = qs.filter(tijdstip__date__gte=van)
        if tot:
            qs = qs.filter(tijdstip__date__lte=tot)
        aantal = 0
        for regel in logboek.regels(qs.iterator(chunk_size=2000)):
            self.stdout.write(json.dumps(regel, ensure_ascii=False))
            aantal += 1
        actor = Actor(label="logboek-export", organisatie=None, soort="systeem", herkomst="cli")
        audit.log(actor, "auditlog.exporteren", doel="privacytoezicht",
                  details={"van": str(van or ""), "tot": str(tot or ""), "regels": aantal})  # fmt: skip
