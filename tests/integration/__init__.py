"""Integration tests: the app, its store, database and routes, without a browser."""
