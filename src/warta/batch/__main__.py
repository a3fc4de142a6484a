"""``python -m warta.batch ...`` (and the script to give spark-submit)."""

from .cli import batch

if __name__ == "__main__":
    batch()
