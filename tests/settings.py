"""Settings for the test run: Glimmers' own settings, on a throwaway data folder.

PostgreSQL is used when GLIMMERS_TEST_DATABASE_URL is set (as `.ci/run`'s second pass does);
otherwise SQLite, which pytest-django keeps in memory.
"""

import os
import tempfile

os.environ["GLIMMERS_DATA_DIR"] = tempfile.mkdtemp(prefix="glimmers-test-")
os.environ.pop("DATABASE_URL", None)
if os.environ.get("GLIMMERS_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["GLIMMERS_TEST_DATABASE_URL"]
for name in ("GLIMMERS_HTTPS", "GLIMMERS_TRUST_PROXY", "GLIMMERS_SUPPORT_FILE", "GLIMMERS_USER"):
    os.environ.pop(name, None)

from glimmers.settings import *  # noqa: E402,F403

# Hashing with argon2 on every persona makes the suite slow; the real hasher is tested on its own.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405
