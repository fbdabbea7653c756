"""Keep the theme's compiled templates between the rebuilds of `mkdocs serve`.

Every rebuild loads the configuration anew and with it a new Jinja environment, which
compiles Material's templates again: about a third of a rebuild of this site. Jinja can
cache the compiled bytecode (keyed by template and source checksum, so an edited
template is compiled afresh); MkDocs loads a hook once per process, so a cache held
here lives as long as the server. `mkdocs build` compiles once either way.

Why a hook of this site and not an option of the plugin: it changes how the *theme's*
templates are loaded, for every page of the site, which is the site owner's business, not
a notes plugin's; the plugin's own share of a rebuild is about 20 ms (docs/benchmarks.md),
so it has nothing to speed up here. Any site can copy this file into its `hooks:`.
"""

from __future__ import annotations

from typing import Any

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by key, in memory, with a count of reuses."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.hits = 0

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill the bucket from the cache, if the template was compiled before."""
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            self.hits += 1

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a freshly compiled template."""
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()


def on_env(env: jinja2.Environment, /, *, config: Any, files: Any) -> jinja2.Environment:
    """Hand the shared cache to this build's Jinja environment."""
    env.bytecode_cache = CACHE
    return env
