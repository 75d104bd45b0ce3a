"""Language of a document's body as an ISO 639-1 code, from an offline detector bundled with its model."""

from __future__ import annotations

import math
import re
from functools import lru_cache

# The detector reads this many leading characters. On the textdump and extraction dev sets 300 characters
# decide as 1,000 did on every one of 497 bodies (250 and fewer changed one or two); the byte walk's cost
# grows with the sample.
SAMPLE_CHARS = 300
# Fewer letters than this cannot be told apart reliably (menus, captions); the page's own hint decides.
MIN_LETTERS = 40
# Below this normalised probability the detector is unsure; a declared language that is a
# plausible runner-up wins then (extraction dev set: declared <html lang> vs body language).
MIN_CONFIDENCE = 0.5
_ISO_639_1 = re.compile(r"^[a-z]{2}$")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _model():
    """py3langid's model (shipped inside its wheel, nothing downloaded) as arrays for a vectorised walk."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in ident.labels if _ISO_639_1.match(code)])
    moves = np.frombuffer(ident.tk_nextmove, dtype=np.uint32).astype(np.int32)
    rows = np.asarray(ident._rowbase, dtype=np.int32)
    output = np.asarray(ident.tk_output, dtype=np.int32)
    # Row-major float32 (46 MB): gathering a few hundred feature rows is then a cheap copy; the model's own
    # float16 columns cost more to gather and convert than the rest of the detection.
    table = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
    return ident, moves, rows, output, _depth(moves, rows), table


def _depth(moves, rows) -> int:
    """Longest byte sequence the automaton remembers (its trie depth), by breadth-first search.

    States share transition rows; a row's successors are marked when it is first expanded, so each row is
    expanded once."""
    import numpy as np

    table = moves.reshape(-1, 256)
    row_of = rows // 256
    seen = np.zeros(len(rows), dtype=bool)
    expanded = np.zeros(len(table), dtype=bool)
    seen[0], frontier, depth = True, np.zeros(1, dtype=np.int32), -1
    while len(frontier):
        todo = np.zeros(len(table), dtype=bool)
        todo[row_of[frontier]] = True
        todo &= ~expanded
        expanded |= todo
        reached = np.zeros(len(rows), dtype=bool)
        reached[table[todo].ravel()] = True
        frontier = np.flatnonzero(reached & ~seen)
        seen[frontier] = True
        depth += 1
    return depth


def rank(text: str) -> list[tuple[str, float]]:
    """Languages of text by normalised probability, best first (py3langid's ranking, computed vectorised).

    The automaton's state after a byte depends only on the last `depth` bytes, so every position's state is
    found by `depth` array lookups instead of a Python loop over the bytes."""
    import numpy as np

    ident, moves, rows, output, depth, table = _model()
    data = ident._encode(text)
    size = len(data)
    byte = np.frombuffer(data, dtype=np.uint8).astype(np.int32)
    state = np.zeros(size, dtype=np.int32)
    for back in range(min(depth, size) - 1, -1, -1):
        tail = state[back:]
        tail[:] = moves.take(rows.take(tail) + byte[: size - back])
    found = output.take(state)
    features, counts = np.unique(found[found >= 0], return_counts=True)
    if not len(features):
        return []
    scores = np.log1p(counts.astype(np.float32)) @ table.take(features, axis=0) + ident.nb_pc
    scores *= 1.0 / math.sqrt(size)
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for first, dupe in ident._alias_pairs:  # script variants of one label share a code
        scores[first] += scores[dupe]
        scores[dupe] = 0.0
    top = np.argpartition(-scores, min(3, len(scores) - 1))[:3]
    order = sorted(top.tolist(), key=lambda i: (-scores[i], i))  # ties in model order, as a stable sort
    return [(ident.nb_classes[i], float(scores[i])) for i in order]


def detect(text: str, hint: str | None = None) -> str | None:
    """Return the ISO 639-1 code of the text's language; the hint when the text is too short; else None."""
    hint = normalise(hint)
    sample = text[:SAMPLE_CHARS]
    if sum(map(len, _LETTERS.findall(sample))) < MIN_LETTERS:
        return hint
    ranked = rank(sample)
    if not ranked:
        return hint
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
