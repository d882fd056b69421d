"""Unit tests: functions on small known data, no app, no browser (make test-fast)."""
