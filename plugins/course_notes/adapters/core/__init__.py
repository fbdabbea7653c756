"""What the MkDocs and Zensical adapters share: macros, Markdown extensions, placing files."""
