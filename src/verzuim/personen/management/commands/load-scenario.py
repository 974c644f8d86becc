"""Alias: `verzuim load-scenario` (hyphenated, as the README and api-contract.md write it)."""

from .load_scenario import Command  # noqa: F401
