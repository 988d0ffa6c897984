"""The one small interface every search backend implements."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

FACETS = ("site", "kind", "year")


class BackendUnavailable(Exception):
    """The index cannot be reached or read (server down, file missing or corrupt)."""


@dataclass(frozen=True)
class SearchRequest:
    """A validated query: `text` is never empty, filters are known values or None."""

    text: str
    site: str | None = None
    lang: str | None = None
    kind: str | None = None
    year: int | None = None
    page: int = 1
    size: int = 10

    @property
    def offset(self):
        return (self.page - 1) * self.size

    def filters(self):
        return {name: getattr(self, name) for name in FACETS if getattr(self, name) is not None}


@dataclass
class SearchResults:
    total: int
    hits: list  # SearchDocument-shaped dicts, best first
    facets: dict = field(default_factory=dict)  # {"site": {"portal": 3}, "kind": …, "year": …}
    exact: bool = True  # False: ranking and facets cover only the best candidates


def disjunctive_facets(groups, filters):
    """Facet counts from (site, kind, year) group counts.

    Each facet is counted with every filter applied except its own, so the
    site facet still offers the other sites while one site is selected.
    Returns (total matching all filters, facets).
    """
    facets = {name: {} for name in FACETS}
    wanted = [filters.get(name) for name in FACETS]
    total = 0
    for values, count in groups:
        failing = [i for i, want in enumerate(wanted) if want is not None and values[i] != want]
        if not failing:
            total += count
        elif len(failing) > 1:
            continue  # fails two filters: counts for no facet
        for i, name in enumerate(FACETS):
            if values[i] is None or (failing and failing[0] != i):
                continue
            counts = facets[name]
            key = str(values[i])
            counts[key] = counts.get(key, 0) + count
    return total, {name: dict(sorted(counts.items())) for name, counts in facets.items()}


class SearchBackend(ABC):
    name = "abstract"

    @abstractmethod
    def search(self, request):
        """Return SearchResults for a SearchRequest; raise BackendUnavailable."""

    @abstractmethod
    def site_state(self, site):
        """{document id: content hash} of what the index holds for one site."""

    @abstractmethod
    def upsert(self, documents):
        """Add or replace documents (an iterable of SearchDocument)."""

    @abstractmethod
    def delete(self, ids):
        """Remove documents by id; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, documents):
        """Build a new index from all documents and swap it in atomically."""

    def suggest_titles(self, words, filters, limit):
        """[(title, url)] of the best documents whose title holds the folded `words`,
        the last one as a prefix, within {"site", "lang"} filters."""
        raise NotImplementedError

    @abstractmethod
    def health(self):
        """{"status": "ok", "documents": n, …}; raise BackendUnavailable."""

    def close(self):  # noqa: B027 - optional hook
        pass
