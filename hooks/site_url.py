"""MkDocs hook: on GitHub Actions, default ``site_url`` to the repository's GitHub Pages address.

``site_url`` decides the canonical links, the sitemap and the path the site expects to live
under. mkdocs.yml reads it from ``SITE_URL``; when that is unset and the build runs on GitHub
Actions (which sets ``GITHUB_REPOSITORY=owner/repo``), this hook fills in the address GitHub
Pages gives the repository. Elsewhere the mkdocs.yml default (``http://127.0.0.1:8000/``)
stays, which is what ``mkdocs serve`` wants.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("site_url")


def pages_url(repository: str) -> str:
    """GitHub Pages' address for ``owner/repo``: a project page, or the owner's own site."""
    owner, _, repo = repository.strip().partition("/")
    if not owner or not repo or "/" in repo:
        raise ValueError(f"GITHUB_REPOSITORY should be owner/repo, not {repository!r}")
    host = f"{owner.lower()}.github.io"
    # A repository named owner.github.io is published at the root, not under a subpath.
    return f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"


def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    """Use the Pages address when SITE_URL is unset and GITHUB_REPOSITORY is known."""
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    if os.environ.get("SITE_URL") or not repository:
        return config
    try:
        config.site_url = pages_url(repository)
    except ValueError as error:
        raise PluginError(f"hooks/site_url.py: {error}; or set SITE_URL") from None
    log.info("site_url %s (from GITHUB_REPOSITORY; set SITE_URL to change it)", config.site_url)
    return config
