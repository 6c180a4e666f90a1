"""Folding text for search: case, diacritics and the Azerbaijani letters a customer types without.

A customer on a Latin keyboard writes `azerisiq` for `Azərişıq`; some write `ə` as `a`. Names are
folded to plain lowercase Latin (`ə→e`, `ı→i`, `ş→s`, `ç→c`, `ğ→g`, `ö→o`, `ü→u`) and also kept
in an `ə→a` variant, so either spelling finds them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Letters that have no decomposition into a base letter plus a combining mark.
_UNDECOMPOSABLE: Final = str.maketrans({"ə": "e", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae"})
_SCHWA_AS_A: Final = str.maketrans({"ə": "a"})
_SEPARATORS: Final = re.compile(r"[^\w]+|_")


def fold(text: str) -> str:
    """Lowercase, without diacritics, with `ə` as `e`; separators become single spaces."""
    return _fold(text.casefold())


def fold_variants(text: str) -> frozenset[str]:
    """Every folded spelling a customer may type for `text` (`ə` as `e` and as `a`)."""
    lowered = text.casefold()
    return frozenset({_fold(lowered), _fold(lowered.translate(_SCHWA_AS_A))})


def _fold(lowered: str) -> str:
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_UNDECOMPOSABLE))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_SEPARATORS.sub(" ", plain).split())
