"""`verzuim bewaartermijnen [--dry-run]`: the nightly retention purge (R-PR-4).

Cron (02:30 every night, as the application's user):
    30 2 * * *  verzuim bewaartermijnen >> /var/log/verzuim/bewaartermijnen.log 2>&1
A systemd timer: README.md "Retention".
"""

from django.core.management.base import BaseCommand

from verzuim.privacy import bewaartermijnen as b


class Command(BaseCommand):
    help = (
        "Vernietigt wat de bewaartermijnen (R-PR-4) laten vernietigen; --dry-run toont alleen "
        "de aantallen per categorie."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tellen: niets wordt vernietigd."
        )

    def handle(self, *args, dry_run=False, **options):
        plan = b.plan()
        aantallen = plan.aantallen() if dry_run else b.voer_uit(plan)
        kop = "Te vernietigen" if dry_run else "Vernietigd"
        self.stdout.write(f"{kop} op {plan.datum:%d-%m-%Y} (R-PR-4):")
        for categorie, soorten in aantallen.items():
            regel = ", ".join(f"{n} {soort}" for soort, n in soorten.items()) or "niets"
            self.stdout.write(f"  {categorie}: {regel}")
        self.stdout.write(f"Totaal: {b.totaal(aantallen)} rijen.")
