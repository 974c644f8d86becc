import factory

from verzuim.accounts.models import Gebruiker
from verzuim.organisaties.models import Organisatie

WACHTWOORD = "correct-paard-batterij-nietje"


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = "Gebruiker"
    organisatie = factory.LazyFunction(lambda: Organisatie.objects.get(code="GM0363"))
    rollen = factory.LazyFunction(lambda: ["leerplichtambtenaar"])
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def _opslaan(obj, create, extracted, **kwargs):
        if create:
            obj.save()
