"""Run a server as a child the command owns: however the command ends, the server ends too.

Editors' task runners, ``timeout`` and process managers stop a command with SIGTERM, and a
closed terminal sends SIGHUP; a plain child outlived both and kept the port, so the next
``course-notes serve`` failed on "address already in use". Here the server runs in a process
group of its own: on SIGTERM, SIGINT or SIGHUP the command stops that whole group, waits a
short while, kills what is left and exits with 128 + the signal's number. Should the command
die without a word (SIGKILL, a crash), the server's guard sees the pipe from the command
close and stops its group itself (``guard.py``).

The standard library stops one process, not what it started, and has no parent-death
signal but Linux's ``prctl``; a pipe works on every POSIX system, so this is written here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import types
from collections.abc import Callable, Mapping

GUARD = "course_notes.adapters.core.guard"


# How long the server's group has to stop after SIGTERM before it is killed: MkDocs and
# Zensical stop at once; a server stuck in a rebuild is not waited for.
GRACE_SECONDS = 2.0


# How often ``tick`` runs while the server does: the Zensical engine's look for a saved
# change to the notes or docs/.
TICK_SECONDS = 0.2


class _Stopped(Exception):
    """The command was asked to stop by a signal."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _stop_signals() -> tuple[int, ...]:
    names = ("SIGTERM", "SIGINT", "SIGHUP")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def _raise(number: int, frame: types.FrameType | None) -> None:
    raise _Stopped(number)


def run(
    module: str,
    arguments: list[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    tick: Callable[[], None] | None = None,
) -> int:
    """Run ``python -m module arguments`` as a server this process owns; return how it ended.

    ``tick`` runs every ``TICK_SECONDS`` while the server does (the Zensical engine's look
    at the notes). The server's exit status if it stops by itself; 128 + the signal's
    number if this command is stopped by one.
    """
    previous = {number: signal.signal(number, _raise) for number in _stop_signals()}
    child, pipe = _start(module, arguments, env, cwd)
    try:
        while True:
            try:
                return child.wait(timeout=TICK_SECONDS if tick else None)
            except subprocess.TimeoutExpired:
                if tick is not None:
                    tick()
    except _Stopped as stopped:
        return 128 + stopped.number
    finally:
        stop(child)
        if pipe is not None:
            os.close(pipe)
        for number, handler in previous.items():
            signal.signal(number, handler)


def _start(
    module: str,
    arguments: list[str],
    env: Mapping[str, str] | None,
    cwd: str | os.PathLike[str] | None,
) -> tuple[subprocess.Popen[bytes], int | None]:
    if os.name != "posix":
        # No process groups to signal nor fds to pass: the server alone, stopped as a child.
        command = [sys.executable, "-m", module, *arguments]
        return subprocess.Popen(command, env=env, cwd=cwd), None
    # The command holds the pipe's writing end and never writes: its end, however it comes,
    # closes the pipe, and the guard reading the other end stops the server's group.
    reading, writing = os.pipe()
    os.set_inheritable(reading, True)
    try:
        command = [sys.executable, "-m", GUARD, str(reading), module, *arguments]
        child = subprocess.Popen(
            command, env=env, cwd=cwd, pass_fds=(reading,), start_new_session=True
        )
    except BaseException:
        os.close(writing)
        raise
    finally:
        os.close(reading)
    return child, writing


def stop(child: subprocess.Popen[bytes]) -> None:
    """Stop a server started by ``run`` and every process in its group; wait for it."""
    if os.name != "posix":
        if child.poll() is None:
            child.terminate()
        _wait_or_kill(child)
        return
    if not _signal_group(child.pid, signal.SIGTERM):
        child.wait()
        return
    try:
        child.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    # What of the group is still there after the grace (the server, or a process it
    # started), killed.
    _signal_group(child.pid, signal.SIGKILL)
    child.wait()


def _signal_group(group: int, number: int) -> bool:
    """Send a signal to a process group; False if the group is gone."""
    try:
        os.killpg(group, number)
    except ProcessLookupError:
        return False
    except PermissionError:  # the group's id now names another user's group
        return False
    return True


def _wait_or_kill(child: subprocess.Popen[bytes]) -> None:
    try:
        child.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
