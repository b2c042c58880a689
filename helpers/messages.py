"""Bilingual error messages: Korean first for the learner, English after for search engines."""


def bilingual(korean: str, english: str) -> str:
    return f"{korean}\n{english}"
