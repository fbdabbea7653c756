"""Read: notes text (and YAML text) to the model; pure, never raises, keeps line numbers."""
