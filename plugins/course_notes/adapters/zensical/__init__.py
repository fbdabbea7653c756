"""The Zensical adapter: the site written for Zensical, its Markdown extension."""
