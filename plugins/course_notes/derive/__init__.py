"""Derive: the model to a ``Site``, once: pages, downloads, nav, readings, questions, calendar."""
