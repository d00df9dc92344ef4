"""Where each autonomic state stands on the ladder, from the bottom: the one definition of "a move up".

Plain Python (no Django), so the command line and the kit's scoring can use it before anything loads.
"""

RANK: dict[str, int] = {"dorsal": 0, "sympathetic": 1, "ventral": 2}  # higher is further up the ladder
