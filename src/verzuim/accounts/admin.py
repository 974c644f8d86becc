"""Users and API applications in registerbeheer (/beheer/). Every save goes through
``accounts.services`` and is audited (R-PR-1); there are no bulk actions (a bulk delete would
bypass that). Only a superuser may grant ``is_superuser``/``is_staff``/groups/permissions or
touch a superuser's account: a registerbeheerder cannot escalate."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django_otp.plugins.otp_totp.models import TOTPDevice

from verzuim.accounts import services
from verzuim.accounts.models import ApiApplicatie, ApiToken, Gebruiker, Rol, Scope
from verzuim.audit.context import actor_for_user

# TOTP devices hold the users' secret keys: never listed in the admin. Registerbeheer resets a
# user's second factor from the user's page instead (services.herstel_tweefactor).
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

ALLEEN_SUPERUSER = ("is_staff", "is_superuser", "groups", "user_permissions")


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
    tweefactor_herstellen = forms.BooleanField(
        label="Tweestapsverificatie opnieuw laten instellen",
        required=False,
        help_text="Verwijdert de authenticator-app van deze gebruiker (bijv. bij een verloren "
        "telefoon); bij de volgende aanmelding stelt de gebruiker een nieuwe in.",
    )

    def clean(self):
        data = super().clean()
        if data.get("boa") and Rol.LEERPLICHTAMBTENAAR not in (data.get("rollen") or []):
            self.add_error("boa", "Alleen een leerplichtambtenaar kan BOA zijn.")
        return data


class GebruikerAanmaakForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = Gebruiker


class GeauditeerdeBeheerMixin:
    """No bulk actions; the save of the change form is the service's (audited) save."""

    actions = None

    def _actor(self, request):
        return actor_for_user(request.user, request)


class ApiApplicatieForm(MeervoudigeKeuzeForm):
    lijstvelden = {"scopes": Scope.choices}


@admin.register(Gebruiker)
class GebruikerAdmin(GeauditeerdeBeheerMixin, UserAdmin):
    add_form = GebruikerAanmaakForm
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
        ("Persoon", {"fields": ("first_name", "last_name", "email", "functie", "telefoon")}),
        ("Organisatie en rollen", {"fields": ("organisatie", "rollen", "boa")}),
        ("Tweestapsverificatie", {"fields": ("tweefactor_herstellen",)}),
        (
            "Status",
            {"fields": ("is_active", "is_staff", "is_superuser", "last_login", "date_joined")},
        ),
        ("Rechten (alleen superuser)", {"fields": ("groups", "user_permissions")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups", "user_permissions"]

    @admin.display(description="rollen")
    def rollen_tekst(self, obj):
        return ", ".join(obj.rollen_labels)

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += [v for v in ALLEEN_SUPERUSER if v not in velden]
        return velden

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        return self.fieldsets

    def save_model(self, request, obj, form, change):
        gewijzigd = [v for v in form.changed_data if v != "tweefactor_herstellen"]
        services.bewaar_gebruiker(self._actor(request), obj, gewijzigd)
        if form.cleaned_data.get("tweefactor_herstellen"):
            services.herstel_tweefactor(self._actor(request), obj)

    def delete_model(self, request, obj):
        services.verwijder_gebruiker(self._actor(request), obj)

    def user_change_password(self, request, id, form_url=""):
        gebruiker = self.get_object(request, id)
        if gebruiker is not None and not self.has_change_permission(request, gebruiker):
            raise PermissionDenied
        voor = gebruiker.password if gebruiker else None
        response = super().user_change_password(request, id, form_url)
        if gebruiker is not None and isinstance(response, HttpResponseRedirect):
            gebruiker.refresh_from_db(fields=["password"])
            if gebruiker.password != voor:
                services.wachtwoord_gewijzigd(self._actor(request), gebruiker)
        return response


class ApiTokenInline(admin.TabularInline):
    """Read-only overview; a token is revoked on its own page (audited, bewaar_token)."""

    model = ApiToken
    fields = ["prefix", "aangemaakt", "laatst_gebruikt", "ingetrokken"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # tokens are made with `verzuim create-token` and shown once


@admin.register(ApiApplicatie)
class ApiApplicatieAdmin(GeauditeerdeBeheerMixin, admin.ModelAdmin):
    form = ApiApplicatieForm
    list_display = ["naam", "organisatie", "actief", "aangemaakt"]
    list_filter = ["actief"]
    search_fields = ["naam", "organisatie__naam", "organisatie__code"]
    autocomplete_fields = ["organisatie"]
    inlines = [ApiTokenInline]

    def has_add_permission(self, request):
        return False  # `verzuim create-token` makes the application with its token (audited)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: the audit trail keeps pointing at it

    def save_model(self, request, obj, form, change):
        services.bewaar_applicatie(self._actor(request), obj, list(form.changed_data))


@admin.register(ApiToken)
class ApiTokenAdmin(GeauditeerdeBeheerMixin, admin.ModelAdmin):
    list_display = ["prefix", "applicatie", "aangemaakt", "laatst_gebruikt", "ingetrokken"]
    list_filter = ["ingetrokken"]
    search_fields = ["prefix", "applicatie__naam"]
    readonly_fields = ["applicatie", "token_hash", "prefix", "aangemaakt", "laatst_gebruikt"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # revoke (ingetrokken) instead

    def save_model(self, request, obj, form, change):
        services.bewaar_token(self._actor(request), obj, list(form.changed_data))
