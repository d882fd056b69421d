"""Data in and out of the app: file import and validation, the store and its caches,
versions, drafts and the database."""
