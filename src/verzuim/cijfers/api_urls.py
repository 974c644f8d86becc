"""/api/v1/cijfers/… (api-contract.md "cijfers")."""

from django.urls import path

from verzuim.cijfers import api

urlpatterns = [
    path(
        "cijfers/leerplichttelling",
        api.LeerplichttellingView.as_view(),
        name="cijfers-leerplichttelling",
    ),
    path("cijfers/benchmark", api.BenchmarkView.as_view(), name="cijfers-benchmark"),
]
