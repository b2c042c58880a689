"""What the book's HTML pages need beyond the theme: offline MathJax, readable anchors, Korean labels."""


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
