"""Admin for registerbeheer: reference tables show their source and year (SOURCES.md); every
change is audited (`audit.beheer.GeauditeerdBeheer`)."""

from django import forms
from django.contrib import admin
from django.db.models import Count

from verzuim.audit.beheer import GeauditeerdBeheer
from verzuim.organisaties.models import (
    Gemeente,
    Organisatie,
    ReferentieBron,
    RmcRegio,
    Routering,
    Schooldag,
    Schoolvakantie,
    Vestiging,
)


class BronMixin:
    """Adds a "Bron (jaar)" column for rows that link to their ReferentieBron."""

    @admin.display(description="Bron (jaar)", ordering="bron__jaar")
    def bron_jaar(self, obj):
        return f"{obj.bron.bestand} ({obj.bron.jaar})" if obj.bron else "handmatig"


class SectorFilter(admin.AllValuesFieldListFilter):
    """The sector filter; organisations without a sector (gemeenten, diensten) get a named
    choice instead of an empty link (axe link-name, issue 13 §10)."""

    def choices(self, changelist):
        for keuze in super().choices(changelist):
            if keuze["display"] == "":
                keuze["display"] = "(geen sector)"
            yield keuze


@admin.register(ReferentieBron)
class ReferentieBronAdmin(GeauditeerdBeheer, admin.ModelAdmin):
    list_display = ["bestand", "omschrijving", "jaar", "aantal", "geladen_op"]
    readonly_fields = ["bestand", "omschrijving", "bron", "jaar", "aantal", "geladen_op"]
    search_fields = ["bestand", "omschrijving", "bron"]

    def has_add_permission(self, request):
        return False  # filled by `verzuim load-reference`


class GemeenteInline(admin.TabularInline):
    model = Gemeente
    fields = ["code", "naam", "provincie", "vakantieregio"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class RmcRegioForm(forms.ModelForm):
    class Meta:
        model = RmcRegio
        fields = ["naam", "contactgemeente", "contactgemeente_voorlopig"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["contactgemeente"].queryset = self.instance.gemeenten.all()

    def clean(self):
        data = super().clean()
        # Choosing a contactgemeente here is registerbeheer's decision: no longer provisional.
        if "contactgemeente" in self.changed_data and data.get("contactgemeente"):
            data["contactgemeente_voorlopig"] = False
        return data


@admin.register(RmcRegio)
class RmcRegioAdmin(BronMixin, GeauditeerdBeheer, admin.ModelAdmin):
    form = RmcRegioForm
    list_display = [
        "cbs_code",
        "nummer",
        "naam",
        "contactgemeente",
        "voorlopig",
        "aantal",
        "bron_jaar",
    ]
    list_filter = ["contactgemeente_voorlopig"]
    search_fields = ["nummer", "naam"]
    inlines = [GemeenteInline]

    @admin.display(description="CBS-code", ordering="nummer")
    def cbs_code(self, obj):
        return obj.code

    @admin.display(
        description="contactgemeente voorlopig", boolean=True, ordering="contactgemeente_voorlopig"
    )
    def voorlopig(self, obj):
        return obj.contactgemeente_voorlopig

    @admin.display(description="gemeenten", ordering="aantal_gemeenten")
    def aantal(self, obj):
        return obj.aantal_gemeenten

    def get_queryset(self, request):
        # The count per regio in the list query, not one COUNT per row.
        return (
            super()
            .get_queryset(request)
            .select_related("contactgemeente", "bron")
            .annotate(aantal_gemeenten=Count("gemeenten"))
        )


@admin.register(Gemeente)
class GemeenteAdmin(BronMixin, GeauditeerdBeheer, admin.ModelAdmin):
    list_display = ["code", "naam", "provincie", "vakantieregio", "rmc_regio", "bron_jaar"]
    list_filter = ["provincie", "vakantieregio", "rmc_regio"]
    search_fields = ["code", "naam"]
    list_select_related = ["rmc_regio", "bron"]
    readonly_fields = ["bron"]


@admin.register(Schoolvakantie)
class SchoolvakantieAdmin(GeauditeerdBeheer, admin.ModelAdmin):
    list_display = [
        "schooljaar",
        "vakantie",
        "regio",
        "startdatum",
        "einddatum",
        "verplicht",
        "bron",
    ]
    list_filter = ["schooljaar", "vakantie", "regio", "verplicht"]
    date_hierarchy = "startdatum"


class VestigingInline(admin.TabularInline):
    model = Vestiging
    fields = ["code", "naam", "gemeente", "plaats", "vakantieregio"]
    readonly_fields = ["gemeente"]
    extra = 0
    show_change_link = True


@admin.register(Organisatie)
class OrganisatieAdmin(GeauditeerdBeheer, admin.ModelAdmin):
    list_display = ["code", "naam", "soort", "sector", "email"]
    list_filter = ["soort", ("sector", SectorFilter)]
    search_fields = ["code", "naam"]
    autocomplete_fields = ["gemeente", "rmc_regio"]
    filter_horizontal = ["werkgebied"]
    inlines = [VestigingInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj and obj.soort == "school" else []


@admin.register(Vestiging)
class VestigingAdmin(BronMixin, GeauditeerdBeheer, admin.ModelAdmin):
    list_display = [
        "code",
        "naam",
        "instelling",
        "gemeente",
        "plaats",
        "vakantieregio",
        "bron_jaar",
    ]
    list_filter = ["vakantieregio"]
    search_fields = ["code", "naam", "plaats", "instelling__naam"]
    autocomplete_fields = ["instelling", "gemeente"]
    list_select_related = ["instelling", "gemeente", "bron"]
    readonly_fields = ["bron"]


@admin.register(Routering)
class RouteringAdmin(GeauditeerdBeheer, admin.ModelAdmin):
    """Alternatieve routering (R-RT-2). Without a row: the gemeente itself, and for 18-plus
    the RMC contactgemeente."""

    list_display = ["gemeente", "doelgroep", "naar"]
    list_filter = ["doelgroep"]
    search_fields = ["gemeente__naam", "gemeente__code", "naar__naam", "naar__code"]
    autocomplete_fields = ["gemeente", "naar"]
    list_select_related = ["gemeente", "naar"]


@admin.register(Schooldag)
class SchooldagAdmin(GeauditeerdBeheer, admin.ModelAdmin):
    list_display = ["instelling", "datum", "open", "omschrijving"]
    list_filter = ["open"]
    search_fields = ["instelling__naam", "instelling__code"]
    autocomplete_fields = ["instelling"]
    date_hierarchy = "datum"
