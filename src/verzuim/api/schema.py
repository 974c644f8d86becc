from rest_framework.permissions import AllowAny


class PublicSchemaMixin:
    authentication_classes: list = []
    permission_classes = [AllowAny]
