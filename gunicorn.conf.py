"""gunicorn settings for ``gunicorn app:server`` (read from the working directory).

Measured with ``tests/benchmarks/load_test.py`` (50 sessions, see the README):
callbacks are pandas work under the GIL, so at least one process per core; threads
cover static files and database waits. Keep-alive outlasts a user's pause between
two filter changes, so a browser's connection is not closed under its next request.
Every setting can be overridden on the command line or by ``GUNICORN_CMD_ARGS``.
"""

import os

bind = os.environ.get("TI_BIND", "0.0.0.0:8050")
workers = int(os.environ.get("TI_WORKERS", "4"))
threads = int(os.environ.get("TI_THREADS", "4"))
worker_class = "gthread"
keepalive = 10
timeout = 120  # a first start builds the geography (about a minute on a small machine)
