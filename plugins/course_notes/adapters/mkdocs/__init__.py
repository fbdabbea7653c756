"""The MkDocs adapter: the plugin, its Markdown extensions."""
