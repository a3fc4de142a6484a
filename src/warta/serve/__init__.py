"""``warta serve``: the corpus in a browser, and a JSON API over it.

    >>> from warta.serve import create_app
    >>> app = create_app("warta.db")            # read-only
    >>> app = create_app("warta.db", write_token="s3cret")   # POST /api/articles allowed

Pages: /search, /articles/{id}, /entities/{name}, /today; the API under /api
with its OpenAPI description at /openapi.json and /docs (docs/serve.md).
"""

__all__ = ["create_app"]

INSTALL_HINT = "the web app needs its extra: pip install 'warta[serve]'"


def __getattr__(name: str):
    # The web stack is an extra: importing warta.serve (the CLI does, to list
    # its command) must work without it; create_app says what to install.
    if name == "create_app":
        try:
            from ._app import create_app
        except ImportError as exc:
            from .._errors import WartaError

            raise WartaError(f"{INSTALL_HINT} ({exc.name} is missing)") from None
        return create_app
    raise AttributeError(name)
