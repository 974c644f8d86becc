"""The domain endpoints; each app keeps its own routes in `<app>/api_urls.py`."""

urlpatterns: list = []
