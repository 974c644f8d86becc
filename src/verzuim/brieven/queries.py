"""Scoped reads of documents (R-PR-1): only the organisation that made a document sees it,
and only roles that work with person data; another organisation's document is
NietGevonden (404). Listing writes no audit record (the consumer's page that shows the
list logs its own read); the download (services.lees_document) does.

Secret addresses (R-PR-5): a document about a person with a secret address is listed for
the organisation but opened only by a leerplichtambtenaar (``mag_lezen``)."""

from __future__ import annotations

import uuid as uuid_mod

from django.db.models import QuerySet

from verzuim.accounts import afscherming
from verzuim.audit.context import Actor
from verzuim.brieven.fouten import NietGevonden
from verzuim.brieven.models import Document

LEZERS = frozenset({"leerplichtambtenaar", "administratief-medewerker", "rmc-trajectbegeleider"})


def documenten(actor: Actor) -> QuerySet[Document]:
    """Every document the actor may see, without the PDF bytes."""
    qs = Document.objects.defer("inhoud")
    if actor.is_systeem:
        return qs
    if actor.organisatie is None or actor.soort != "gebruiker" or not actor.heeft_rol(*LEZERS):
        return qs.none()
    return qs.filter(organisatie=actor.organisatie)


def documenten_voor(
    actor: Actor, *, betreft: str | None = None, koppeling: str | None = None
) -> QuerySet[Document]:
    """The actor's documents about one person and/or under one consumer reference
    (e.g. koppeling="dossier:<uuid>"), newest first, without the PDF bytes."""
    qs = documenten(actor)
    if betreft is not None:
        qs = qs.filter(betreft=betreft)
    if koppeling is not None:
        qs = qs.filter(koppeling=koppeling)
    return qs


def document_voor(actor: Actor, uuid, *, met_inhoud: bool = False) -> Document:
    try:
        sleutel = uuid_mod.UUID(str(uuid))
    except ValueError:
        raise NietGevonden("Document niet gevonden.") from None
    qs = documenten(actor)
    if met_inhoud:
        qs = qs.defer(None)
    document = qs.filter(uuid=sleutel).first()
    if document is None:
        raise NietGevonden("Document niet gevonden.")
    return document


def mag_lezen(actor: Actor, document: Document) -> bool:
    """R-PR-5: a secret address is shown only to the handling leerplichtambtenaar."""
    return not document.geheim_adres or afscherming.ziet_bijzondere_gegevens(actor)
