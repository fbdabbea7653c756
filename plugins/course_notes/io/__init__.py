"""Files: the user's files read and written safely, the config, git history, the one loader."""
