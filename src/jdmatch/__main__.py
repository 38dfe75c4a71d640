"""``python -m jdmatch`` runs the command-line interface."""

from jdmatch.cli import main

main()
