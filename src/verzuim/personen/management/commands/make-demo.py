"""Alias: `verzuim make-demo` (hyphenated, as the README and api-contract.md write it)."""

from .make_demo import Command  # noqa: F401
