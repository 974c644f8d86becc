"""Admin for the register's person tables (registerbeheer). Every view and change is audited
(R-PR-1) through audit.admin.GeauditeerdAdmin. Written by the accounts/admin owner."""

from django.contrib import admin

from verzuim.audit.admin import GeauditeerdAdmin
from verzuim.personen.models import BrpPersoon, Diploma, Inschrijving, Leerling, Vrijstelling


@admin.register(BrpPersoon)
class BrpPersoonAdmin(GeauditeerdAdmin):
    list_display = [
        "burgerservicenummer",
        "geslachtsnaam",
        "voornamen",
        "geboortedatum",
        "gemeente_van_inschrijving",
        "geheimhouding_persoonsgegevens",
    ]
    list_filter = ["geheimhouding_persoonsgegevens"]
    search_fields = ["=burgerservicenummer", "geslachtsnaam"]
    show_full_result_count = False

    def persoon_van(self, obj):
        return obj.burgerservicenummer


class LeerlingDeelAdmin(GeauditeerdAdmin):
    """Rows that belong to one pupil."""

    search_fields = ["=leerling__burgerservicenummer", "=leerling__onderwijsnummer"]
    list_select_related = ["leerling"]
    raw_id_fields = ["leerling"]
    show_full_result_count = False

    def persoon_van(self, obj):
        return obj.leerling.identificatie


@admin.register(Leerling)
class LeerlingAdmin(GeauditeerdAdmin):
    list_display = ["burgerservicenummer", "onderwijsnummer", "geboortedatum"]
    search_fields = ["=burgerservicenummer", "=onderwijsnummer"]
    autocomplete_fields = ["opgegeven_gemeente"]
    show_full_result_count = False

    def persoon_van(self, obj):
        return obj.identificatie


@admin.register(Inschrijving)
class InschrijvingAdmin(LeerlingDeelAdmin):
    list_display = ["leerling", "vestiging", "begindatum", "einddatum", "onderwijssoort"]
    list_select_related = ["leerling", "vestiging"]
    autocomplete_fields = ["vestiging"]


@admin.register(Diploma)
class DiplomaAdmin(LeerlingDeelAdmin):
    list_display = ["leerling", "soort", "datum", "instelling", "startkwalificatie"]
    list_filter = ["soort", "startkwalificatie"]
    autocomplete_fields = ["instelling"]


@admin.register(Vrijstelling)
class VrijstellingAdmin(LeerlingDeelAdmin):
    list_display = ["leerling", "artikel", "begindatum", "einddatum", "gemeente"]
    list_filter = ["artikel"]
    autocomplete_fields = ["gemeente"]
