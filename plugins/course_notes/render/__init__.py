"""Render: the model and what derive made to Markdown, HTML, text; pure, derives nothing."""
