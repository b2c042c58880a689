"""Korean-aware search for the built book (Sphinx has no `ko` search language and falls back to English)."""


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
