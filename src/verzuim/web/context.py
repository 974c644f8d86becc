def layout(request):
    """Organisation and roles of the signed-in user for the page header."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {"huidige_organisatie": user.organisatie, "huidige_rollen": user.rollen_labels}
