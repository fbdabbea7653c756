"""course-notes: one plain-text course-notes file to a MkDocs site with per-week progress."""
