"""The database is unreachable: 503 with Retry-After instead of 500 (issue 8 §4).

A restart or failover of PostgreSQL ends every open session ("terminating connection due to
administrator command", "server closed the connection unexpectedly") and refuses new ones
until it is back. Nothing is half-saved then: each service call is one transaction, which
the server rolls back when its session ends. So the honest answer is "try again shortly",
and a client that retries with the same Idempotency-Key gets its melding exactly once.

`server_error` is the project's handler500: Django calls it for every uncaught exception,
whether a view, DRF (which re-raises what its exception handler does not map) or a
middleware (the session lookup of a web page) raised it.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

from verzuim.api.middleware import API_PREFIX, problem_response

# Seconds a client should wait: a restart takes a second or two, a failover longer.
RETRY_AFTER = 5


def database_unavailable(exc: BaseException | None) -> bool:
    """True for the DB-API's errors of the database's operation rather than of the query
    (PEP 249 OperationalError: a lost or refused connection, a shutdown, a failover) and of
    a connection that is already closed (InterfaceError)."""
    return isinstance(exc, OperationalError | InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the database unreachable → 503 with Retry-After, problem+json for the API
    and a Dutch page (web/templates/503.html, rendered without the database) for people;
    anything else → Django's 500 page."""
    if not database_unavailable(sys.exc_info()[1]):
        return defaults.server_error(request)
    if request.path.startswith(API_PREFIX):
        response = problem_response(
            503,
            "Het register kan zijn database tijdelijk niet bereiken. Er is niets half "
            f"opgeslagen. Probeer het over {RETRY_AFTER} seconden opnieuw; stuur een "
            "schrijfverzoek opnieuw met dezelfde Idempotency-Key: was het toch al verwerkt, "
            "dan krijgt u het eerste antwoord terug.",
            request.path,
            type_="https://verzuimregister.nl/problemen/database-onbereikbaar",
        )
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
