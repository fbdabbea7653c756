"""Helpers the tests and the benchmarks share: serving a built site locally, waiting for it.

A package under tests/: pytest puts tests/ on the path for its conftest, so tests import it
as ``support``; the benchmarks run as modules from the repository's root (``python -m
benchmarks.run``) and import it as ``tests.support``.
"""
