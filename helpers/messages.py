"""Bilingual error messages: Korean first for the learner, English after for search engines."""


def bilingual(korean: str, english: str) -> str:
    return f"{korean}\n{english}"


def input_error(kind: type[Exception], korean: str, english: str, got: str, label: tuple[str, str] = ("값", "")):
    """The exception for a bad argument: what was expected (a sentence in each language), then what came.

    `got` is already formatted (a repr, a shape, a dtype); `label` names it, e.g. ("모양", "shape").
    """
    korean_label, english_label = label
    english_got = f"{english_label} {got}" if english_label else got
    return kind(bilingual(f"{korean} 받은 {korean_label}: {got}", f"{english} Got {english_got}."))
