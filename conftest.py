"""Shared pytest fixtures: the application date and actors."""

import os

os.environ.setdefault("VERZUIM_DEMO", "1")
os.environ.setdefault("VERZUIM_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("VERZUIM_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


def find_shared_dir() -> Path:
    """../shared beside the checkout (CI), or VERZUIM_SHARED_DIR, or /work/shared."""
    candidates = [os.environ.get("VERZUIM_SHARED_DIR"), Path(__file__).parent.parent / "shared",
                  "/work/shared"]
    for c in candidates:
        if c and (Path(c) / "specs").is_dir():
            return Path(c)
    raise RuntimeError("shared/ not found: set VERZUIM_SHARED_DIR")


SHARED_DIR = find_shared_dir()
os.environ["VERZUIM_SHARED_DIR"] = str(SHARED_DIR)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED_DIR
