"""Language of a document's body as an ISO 639-1 code, from an offline detector bundled with its model."""

from __future__ import annotations

import re
from functools import lru_cache

# The detector reads this many leading characters: a paragraph or two decides, and the detector's
# per-byte walk is the costly part (about 1 ms per 1000 characters).
SAMPLE_CHARS = 1000
# Fewer letters than this cannot be told apart reliably (menus, captions); the page's own hint decides.
MIN_LETTERS = 40
# Below this normalised probability the detector is unsure; a declared language that is a
# plausible runner-up wins then (extraction dev set: declared <html lang> vs body language).
MIN_CONFIDENCE = 0.5
_ISO_639_1 = re.compile(r"^[a-z]{2}$")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    # py3langid ships its model inside the wheel; nothing is downloaded.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in ident.labels if _ISO_639_1.match(code)])
    return ident


def detect(text: str, hint: str | None = None) -> str | None:
    """Return the ISO 639-1 code of the text's language; the hint when the text is too short; else None."""
    hint = normalise(hint)
    sample = text[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < MIN_LETTERS:
        return hint
    ranked = _identifier().rank(sample)
    best, confidence = ranked[0]
    if confidence >= MIN_CONFIDENCE or not hint:
        return best
    runners = {code for code, _ in ranked[:3]}
    return hint if hint in runners else best


def normalise(code: str | None) -> str | None:
    """Return the ISO 639-1 part of a language tag ('de-AT' -> 'de'), or None when it is not one."""
    if not code:
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    return head if _ISO_639_1.match(head) else None
