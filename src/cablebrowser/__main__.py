"""``python -m cablebrowser``."""

from .cli import main

main()
