"""``python -m aikg``: the same as the ``aikg`` command."""

from aikg.cli.main import run

if __name__ == "__main__":  # not when imported (pytest --doctest-modules imports every module)
    run()
