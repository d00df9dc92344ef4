"""The journal's command line, one module per part: `glimmers` (add, list, show, edit, delete), `bin`,
`search`, `names` (people, places, tags), and what they share: `filters` (list's and search's options)
and `output` (how glimmers look in a terminal). The root `glimmers.cli` places their groups.

Nothing is imported here, so loading one part never loads the others.
"""
