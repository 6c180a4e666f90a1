"""Finding services by what customers type: any language, any case, with or without diacritics."""

from __future__ import annotations

from dataclasses import dataclass

from provider_gateway.domain.catalog import Catalog, CategoryId, Service
from provider_gateway.domain.text import fold, fold_variants


@dataclass(frozen=True)
class _Entry:
    service: Service
    names: frozenset[str]  # folded names in every language and spelling
    words: frozenset[str]  # every folded word of names, id and keywords


class ServiceSearch:
    """An index of the catalog built once; `find` answers in the catalog's order, best first."""

    def __init__(self, catalog: Catalog) -> None:
        self._entries = tuple(_entry(service) for service in catalog.services)

    def find(self, query: str = "", category: CategoryId | None = None) -> list[Service]:
        tokens = fold(query).split()
        ranked: list[tuple[int, int, Service]] = []
        for position, entry in enumerate(self._entries):
            if category is not None and entry.service.category is not category:
                continue
            rank = _rank(entry, tokens)
            if rank is not None:
                ranked.append((rank, position, entry.service))
        return [service for _, _, service in sorted(ranked, key=lambda item: item[:2])]


def _entry(service: Service) -> _Entry:
    names = service.names
    folded_names = frozenset().union(
        *(fold_variants(name) for name in (names.az, names.en, names.ru))
    )
    texts = (*folded_names, *(fold(word) for word in service.keywords), fold(service.id))
    return _Entry(service, folded_names, frozenset(" ".join(texts).split()))


def _rank(entry: _Entry, tokens: list[str]) -> int | None:
    """0: a name starts with the query; 1: every token starts a word; 2: every token is inside
    a word; None: no match. An empty query matches everything."""
    if not tokens:
        return 0
    phrase = " ".join(tokens)
    if any(name.startswith(phrase) for name in entry.names):
        return 0
    if all(any(word.startswith(token) for word in entry.words) for token in tokens):
        return 1
    if all(any(token in word for word in entry.words) for token in tokens):
        return 2
    return None
