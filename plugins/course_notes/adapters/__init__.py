"""Adapters: the hosts (MkDocs, Zensical, mkdocs-macros, the command line) handed a ``Site``."""
