"""Run a server module in this process, stopping its whole group when the command is gone.

Started by ``serving.run`` as ``python -m course_notes.adapters.core.guard FD MODULE ARGS``,
the leader of a process group of its own: a thread reads FD, a pipe whose other end only the
command holds; when the command ends, however it ends, the read returns and the thread stops
this group (the server, and whatever it started).
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time

from .serving import GRACE_SECONDS


def _watch(pipe: int) -> None:
    try:
        while os.read(pipe, 1024):
            pass  # the command never writes; only its end ends the read
    except OSError:
        pass
    group = os.getpgrp()
    os.killpg(group, signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os.killpg(group, signal.SIGKILL)


def main(arguments: list[str]) -> None:
    """Watch the pipe, then run the module as ``python -m`` would."""
    pipe, module, *rest = arguments
    threading.Thread(target=_watch, args=(int(pipe),), daemon=True).start()
    sys.argv = [module, *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
