from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from verzuim.web import nav


@login_required
def start(request):
    """A start page per role: what the role can do, its pages and cheap counts; a role with
    its own start page (the beleidsmedewerker's figures) goes there."""
    if naar := nav.startpagina_voor(request.user):
        return redirect(naar)
    return render(request, "web/start.html", {"blokken": nav.startblokken(request.user)})
