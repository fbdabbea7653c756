"""Stopping `course-notes serve` however it is stopped stops the server it started.

A task runner, `timeout` or a process manager sends SIGTERM, a closed terminal SIGHUP, Ctrl-C
SIGINT; SIGKILL gives the command no say at all. After each, no process the command started
may live on, and the port must take a new server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.siteserver import fetch, free_port, wait_for

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").is_file(), reason="reads the process tree from /proc (Linux)"
)

NOTES = "# Signals\n\n# Week 1\n## Exercises\n- [x] one\n- [ ] two\n"
START_TIMEOUT = 90.0
ENGINES = ["mkdocs", "zensical"]


def _parent_and_state(pid: int) -> tuple[int, str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # "pid (name) state ppid ...": the name may hold spaces and brackets.
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[1]), fields[0]


def descendants(pid: int) -> set[int]:
    """Every process under pid, now."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            found = _parent_and_state(int(entry.name))
            if found is not None:
                children.setdefault(found[0], []).append(int(entry.name))
    under: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in under:
                under.add(child)
                todo.append(child)
    return under


def alive(pid: int) -> bool:
    """Running, not gone nor a zombie waiting to be reaped."""
    found = _parent_and_state(pid)
    return found is not None and found[1] != "Z"


def port_is_free(port: int) -> bool:
    """Whether a new server could listen on the port now."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
        except OSError:
            return False
    return True


def stopped(started: set[int], port: int) -> bool:
    """No process of those alive, and the port free for a new server."""
    return not any(alive(pid) for pid in started) and port_is_free(port)


def project(folder: Path) -> Path:
    (folder / "docs").mkdir()
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Signals\ntheme: {name: material}\nplugins:\n  - course-notes\n",
        encoding="utf-8",
    )
    return config


@contextmanager
def serving(engine: str, folder: Path) -> Iterator[tuple[subprocess.Popen[bytes], int, set[int]]]:
    """`course-notes serve` up and answering: (the command, its port, what it started)."""
    if engine == "zensical":
        pytest.importorskip("zensical")
    config = project(folder)
    port = free_port()
    log = (folder / "serve.log").open("w")
    command = subprocess.Popen(
        [sys.executable, "-m", "course_notes", "serve", "--engine", engine, "-f", str(config)]
        + ["--dev-addr", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=folder,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: fetch(url) is not None or command.poll() is not None, START_TIMEOUT, url)
        assert command.poll() is None, (folder / "serve.log").read_text()
        started = descendants(command.pid)
        assert started, "the server runs as a child of the command"
        yield command, port, started
    finally:
        if command.poll() is None:
            command.kill()
        command.wait()
        for pid in descendants(command.pid) if command.poll() is None else set():
            os.kill(pid, signal.SIGKILL)
        log.close()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_signal_stops_serve_and_everything_it_started(
    engine: str, number: signal.Signals, tmp_path: Path
) -> None:
    with serving(engine, tmp_path) as (command, port, started):
        command.send_signal(number)
        # The conventional status of a command stopped by a signal.
        assert command.wait(timeout=3) == 128 + number
        wait_for(lambda: stopped(started, port), 3, "the server to stop, the port free")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_killed_serve_leaves_no_server_behind(engine: str, tmp_path: Path) -> None:
    with serving(engine, tmp_path) as (command, port, started):
        # No handler runs: the server notices by itself that the command is gone.
        command.kill()
        command.wait()
        wait_for(lambda: stopped(started, port), 5, "the server to stop, the port free")
