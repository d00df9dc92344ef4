"""How this process uses Django, decided before settings are loaded.

The command line sets `web = False` for commands that only touch the data, so
settings leave out the web-only apps and middleware (admin-free as we are, the
heavy parts are django-ninja's pydantic, axes and csp): every CLI command starts
faster. `glimmers serve` and `migrate` keep the full set.
"""

web: bool = True
