from glimmers.console import main

main()
