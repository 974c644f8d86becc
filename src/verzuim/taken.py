"""The task backend: django-tasks' database backend, with the task row written by one
prepared INSERT (`verzuim.snelpad.voeg_in`) instead of `objects.create()`. Each melding
queues its notification e-mail in the intake transaction (R-RT-4), so this is on the
intake's hot path (issue 3 "Speed"); the worker (`verzuim db_worker`) is unchanged."""

from __future__ import annotations

from django_tasks_db import DatabaseBackend as _DatabaseBackend
from django_tasks_db.compat import normalize_json

from verzuim.snelpad import voeg_in


class DatabaseBackend(_DatabaseBackend):
    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult, get_date_max

        taak = DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            # What the library's pre_save receiver does (voeg_in sends no signals).
            run_after=task.run_after or get_date_max(),
            backend_name=self.alias,
        )
        voeg_in(taak)
        return taak
