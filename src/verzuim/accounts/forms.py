from django import forms
from django.contrib.auth.forms import AuthenticationForm


class InlogForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Onjuiste gebruikersnaam of wachtwoord.",
        "inactive": "Dit account is niet actief.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["password"].label = "Wachtwoord"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app",
        min_length=6,
        max_length=6,
        help_text="6 cijfers, elke 30 seconden nieuw.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}
        ),
        error_messages={
            "required": "Vul de code in.",
            "min_length": "De code heeft 6 cijfers.",
            "max_length": "De code heeft 6 cijfers.",
        },
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError("De code bestaat uit 6 cijfers.")
        if self.device is None:
            raise forms.ValidationError("Er is geen authenticator-app gekoppeld.")
        toegestaan, _ = self.device.verify_is_allowed()
        if not toegestaan:
            raise forms.ValidationError(
                "Te veel onjuiste codes achter elkaar. Wacht even en probeer de nieuwste code."
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                "Deze code klopt niet of is verlopen. Probeer de nieuwste code."
            )
        return code
