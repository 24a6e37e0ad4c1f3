"""One way for thread workers to report: typed messages on success, one handler on failure.

A worker's body either posts a typed message with its result (``post_message`` is safe
from a thread) or raises. Whatever it raises reaches
:meth:`ReportsWorkerErrors.on_worker_state_changed`, which says what went wrong on screen
and calls :meth:`~ReportsWorkerErrors.worker_failed` so the screen can put its controls
back: nothing is left disabled or spinning. Workers are started with ``exit_on_error=False``.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from netui.errors import NetuiError


def describe_error(error: BaseException) -> str:
    """A message for the user: netui's own errors as they are, others named plainly."""
    if isinstance(error, NetuiError):
        return str(error)
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return f"Something went wrong ({type(error).__name__}: {error}); nothing was changed."


class ReportsWorkerErrors(DOMNode):
    """Mixin for a screen, pane or app that runs thread workers (their messages do not bubble).

    List it *after* the Textual base class (``class ImportScreen(NetuiDialog[int],
    ReportsWorkerErrors)``): Textual takes a widget's CSS type names from its first base,
    so listed first it would hide the widget's own default styles.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        error = event.worker.error
        if event.state is not WorkerState.ERROR or error is None:
            return
        if not isinstance(error, NetuiError):
            self.log.error(f"worker {event.worker.name!r} failed:", repr(error))
        self.worker_failed(event.worker.group, error)

    def worker_failed(self, group: str, error: BaseException) -> None:
        """Say what went wrong; screens extend this to put back what the work disabled."""
        self.app.notify(describe_error(error), severity="error", timeout=8)
