"""orjson for API bodies (issue 3 "Speed"): the same JSON as DRF's JSONRenderer/JSONParser
(compact, UTF-8, DRF's encoder for values orjson does not know, such as Decimal and lazy
strings), in a fraction of the CPU. Used for application/json and problem+json alike."""

from __future__ import annotations

import orjson
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

# Datetimes go through DRF's encoder so they are written exactly as DRF writes them
# (milliseconds, "Z" for UTC); serializer fields normally give strings already.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
_default = JSONEncoder().default


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"
    format = "json"
    charset = None  # application/json is UTF-8 by definition (RFC 8259)

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        body = orjson.dumps(data, default=_default, option=_OPTIONS)
        if b"\xe2\x80\xa8" in body or b"\xe2\x80\xa9" in body:  # as DRF: JS-safe
            body = body.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return body


class OrjsonParser(JSONParser):
    """A JSONParser subclass: DRF then reads request.body first, so it stays readable."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return orjson.loads(stream.read() if stream is not None else b"")
        except orjson.JSONDecodeError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
