"""`python -m reconciler worker` runs the Faust worker."""

from reconciler.app import create_app
from reconciler.config import Settings

if __name__ == "__main__":
    create_app(Settings()).main()
