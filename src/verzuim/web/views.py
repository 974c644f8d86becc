from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from verzuim.web import nav


@login_required
def start(request):
    """A start page per role: what the role can do, its pages and cheap counts."""
    return render(request, "web/start.html", {"blokken": nav.startblokken(request.user)})
