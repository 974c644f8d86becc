from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, Rol, Scope


class MeervoudigeKeuzeForm(forms.ModelForm):
    """Edits the JSON list fields (rollen, scopes) as checkboxes."""

    lijstvelden: dict[str, list[tuple[str, str]]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, keuzes in self.lijstvelden.items():
            if naam in self.fields:
                self.fields[naam] = forms.MultipleChoiceField(
                    choices=keuzes,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    label=self.fields[naam].label,
                )


class GebruikerForm(MeervoudigeKeuzeForm):
    lijstvelden = {"rollen": Rol.choices}


class ApiApplicatieForm(MeervoudigeKeuzeForm):
    lijstvelden = {"scopes": Scope.choices}


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    form = type(
        "GebruikerChangeForm",
        (GebruikerForm, UserAdmin.form),
        {"lijstvelden": GebruikerForm.lijstvelden},
    )
    list_display = [
        "username",
        "first_name",
        "last_name",
        "organisatie",
        "rollen_tekst",
        "boa",
        "is_active",
    ]
    list_filter = ["is_active", "boa", "organisatie__soort"]
    search_fields = [
        "username",
        "first_name",
        "last_name",
        "email",
        "organisatie__naam",
        "organisatie__code",
    ]
    list_select_related = ["organisatie"]
    autocomplete_fields = ["organisatie"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoon", {"fields": ("first_name", "last_name", "email")}),
        ("Organisatie en rollen", {"fields": ("organisatie", "rollen", "boa")}),
        (
            "Status",
            {"fields": ("is_active", "is_staff", "is_superuser", "last_login", "date_joined")},
        ),
    )
    readonly_fields = ["last_login", "date_joined"]

    @admin.display(description="rollen")
    def rollen_tekst(self, obj):
        return ", ".join(obj.rollen_labels)


class ApiTokenInline(admin.TabularInline):
    model = ApiToken
    fields = ["prefix", "aangemaakt", "laatst_gebruikt", "ingetrokken"]
    readonly_fields = ["prefix", "aangemaakt", "laatst_gebruikt"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # tokens are made with `verzuim create-token` and shown once


@admin.register(ApiApplicatie)
class ApiApplicatieAdmin(admin.ModelAdmin):
    form = ApiApplicatieForm
    list_display = ["naam", "organisatie", "actief", "aangemaakt"]
    list_filter = ["actief"]
    search_fields = ["naam", "organisatie__naam", "organisatie__code"]
    autocomplete_fields = ["organisatie"]
    inlines = [ApiTokenInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "applicatie", "aangemaakt", "laatst_gebruikt", "ingetrokken"]
    list_filter = ["ingetrokken"]
    search_fields = ["prefix", "applicatie__naam"]
    readonly_fields = ["applicatie", "token_hash", "prefix", "aangemaakt", "laatst_gebruikt"]

    def has_add_permission(self, request):
        return False
