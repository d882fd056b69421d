"""Developer tools that are not part of the running app (the demo data builder)."""
