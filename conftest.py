"""Shared pytest fixtures: the application date and actors."""

import os

os.environ.setdefault("VERZUIM_DEMO", "1")
os.environ.setdefault("VERZUIM_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("VERZUIM_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
