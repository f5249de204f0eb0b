"""``python -m aikg``: the same as the ``aikg`` command."""

from aikg.cli.main import run

run()
