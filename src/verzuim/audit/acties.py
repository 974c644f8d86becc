"""Dutch labels of the audit actions (`<object>.<verb>` codes, e.g. `melding.lijst`) for the
privacy officer's page. Known codes have their own wording; any other code (a new app's, a
registerbeheer table's `routering.aanmaken`) is worded from its object and verb, so the page
never shows a bare code."""

from __future__ import annotations

LABELS = {
    "auditlog.exporteren": "Auditlog geëxporteerd (Logboek Dataverwerkingen)",
    "auditlog.zoeken": "Auditlog doorzocht",
    "brp.lezen": "BRP-gegevens gelezen",
    "brp.raadplegen": "BRP geraadpleegd",
    "diploma.aanmaken": "Diploma geregistreerd",
    "dossier.aanmaken": "Dossier geopend",
    "dossier.activiteit": "Activiteit in dossier vastgelegd",
    "document.aanmaken": "Brief of rapport gemaakt",
    "document.downloaden": "Brief of rapport gedownload",
    "dossier.afsluiten": "Dossier gesloten",
    "dossier.brief-versturen": "Verstuurd in een brief",
    "dossier.brief-voorbeeld": "Briefvoorbeeld bekeken",
    "dossier.fase": "MAS-fase van dossier gewijzigd",
    "dossier.halt": "Halt-verwijzing in dossier vastgelegd",
    "dossier.halt-uitkomst": "Uitkomst Halt vastgelegd",
    "dossier.heropenen": "Dossier heropend",
    "dossier.kinderbijslag": "Kinderbijslagstop in dossier vastgelegd",
    "dossier.kinderbijslag-uitkomst": "Hervatting kinderbijslag vastgelegd",
    "dossier.route": "Route van dossier gekozen",
    "dossier.verloftoets": "Verloftoets in dossier vastgelegd",
    "dossier.proces-verbaal": "Proces-verbaal in dossier vastgelegd",
    "dossier.proces-verbaal-uitkomst": "Uitkomst proces-verbaal vastgelegd",
    "dossier.inzien": "Dossier ingezien",
    "dossier.herhaald": "Dossierwijziging herhaald (Idempotency-Key)",
    "dossier.lijst": "Dossierlijst bekeken",
    "dossier.melding-doorsturen": "Melding uit dossier doorgestuurd",
    "dossier.signaal-koppelen": "Signaal in dossier opgenomen",
    "dossier.toewijzen": "Dossier toegewezen",
    "dossier.zoeken": "Dossiers van een leerling gezocht",
    "dossier.vervolgdatum": "Volgende actiedatum van dossier gezet",
    "dossier.verzuimoverzicht-vragen": "Verzuimoverzicht opgevraagd",
    "halt.verstrekken": "Gegevens aan Halt verstrekt",
    "kinderbijslag.verstrekken": "Gegevens aan de SVB verstrekt",
    "proces-verbaal.verstrekken": "Proces-verbaal aan het OM verstrekt",
    "svb-afspraak.wijzigen": "SVB-afspraak van gemeente gewijzigd",
    "gebruiker.wachtwoord-wijzigen": "Wachtwoord van gebruiker gewijzigd",
    "inschrijving.aanmaken": "Inschrijving geregistreerd",
    "inzage.exporteren": "Inzageoverzicht gemaakt",
    "inzage.werkaantekeningen": "Werkaantekeningen bekeken voor een inzageverzoek",
    "inzageverzoek.beantwoorden": "Inzageverzoek beantwoord",
    "inzageverzoek.registreren": "Inzageverzoek geregistreerd",
    "inzageverzoek.toestemming": "Toestemming van de leerling bij inzageverzoek vastgelegd",
    "inschrijving.wijzigen": "Inschrijving gewijzigd",
    "leerling.inzien": "Leerlingpagina ingezien",
    "leerling.koppelen": "Onderwijsnummer aan BSN gekoppeld",
    "leerling.zoeken": "Leerling gezocht",
    "leerplichtfeiten.lezen": "Leerplichtgegevens gelezen",
    "leerplichtstatus.lezen": "Leerplichtstatus opgevraagd",
    "melding.aanmaken": "Melding ingediend",
    "melding.doorsturen": "Melding doorgestuurd",
    "melding.lezen": "Melding ingezien",
    "melding.lijst": "Meldingenlijst bekeken",
    "melding.status": "Status van melding gewijzigd",
    "melding.toewijzen": "Melding toegewezen",
    "melding.zoeken": "Meldingen van een leerling gezocht",
    "melding.doorgestuurd": "Doorgestuurde meldingen bekeken",
    "notificatie.gelezen": "Notificatie gelezen",
    "registratie.herhaald": "Registratie herhaald (zelfde Idempotency-Key)",
    "scenario.laden": "Scenario geladen",
    "verzuimoverzicht.beantwoorden": "Verzuimoverzicht aangeleverd",
    "verzuimoverzicht.herhaald": "Aanlevering verzuimoverzicht herhaald (Idempotency-Key)",
    "verzuimoverzicht.lijst": "Verzoeken om verzuimoverzicht bekeken",
    "vrijstelling.registreren": "Vrijstelling geregistreerd",
    "werkaantekening.aanmaken": "Werkaantekening geschreven",
    "werkaantekening.achterhouden": "Besloten werkaantekening niet te verstrekken bij inzage",
    "werkaantekening.verwijderen": "Werkaantekening verwijderd",
    "werkaantekening.verstrekken": "Besluit ingetrokken: werkaantekening wordt verstrekt",
    "werkaantekening.wijzigen": "Werkaantekening gewijzigd",
}

WERKWOORDEN = {
    "aanmaken": "aangemaakt",
    "wijzigen": "gewijzigd",
    "verwijderen": "verwijderd",
    "lezen": "ingezien",
    "inzien": "ingezien",
    "zoeken": "gezocht",
    "lijst": "lijst bekeken",
    "registreren": "geregistreerd",
    "koppelen": "gekoppeld",
    "afsluiten": "afgesloten",
    "exporteren": "geëxporteerd",
}


def label(actie: str) -> str:
    """`melding.lijst` → "Meldingenlijst bekeken"; an unknown code → "<Object> <verb>"."""
    if actie in LABELS:
        return LABELS[actie]
    onderwerp, _, werkwoord = actie.partition(".")
    onderwerp = onderwerp.replace("-", " ").replace("_", " ").capitalize() or "Actie"
    werkwoord = werkwoord.replace("_", "-")
    return f"{onderwerp} {WERKWOORDEN.get(werkwoord, werkwoord.replace('-', ' '))}".strip()
