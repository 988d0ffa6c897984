"""Accent-folded admin search: "quyet toan" finds "quyết toán", "dau tu" finds "đầu tư".

Wagtail's database search backends (SQLite FTS5 here, PostgreSQL in
production) neither fold đ nor, in autocomplete, other Vietnamese marks. Each
indexed model gets a folded copy of its searchable text (FoldedSearchField,
FoldedAutocompleteField: search.text.fold, the public search's folding), and
the backend folds every query the same way. Exact-accent text stays indexed
too, so nothing that matched before stops matching.
"""

from modelsearch import index

from search.text import fold


def _folded(value):
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list | tuple):
        return " ".join(fold(str(item)) for item in value)
    return None if value is None else fold(str(value))


class FoldedSearchField(index.SearchField):
    """The field's text without accents, beside (not instead of) the field itself."""

    def get_value(self, obj):
        return _folded(super().get_value(obj))


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return _folded(super().get_value(obj))


def folded_fields(*names, autocomplete=("title",)):
    return [
        *(FoldedSearchField(name) for name in names),
        *(FoldedAutocompleteField(name) for name in autocomplete),
    ]


def add_folded_fields(model, *names, autocomplete=("title",)):
    """For models we do not define (Wagtail's Image and Document)."""
    model.search_fields = [*model.search_fields, *folded_fields(*names, autocomplete=autocomplete)]


_classes = {}


def _fold_query(query):
    return fold(query) if isinstance(query, str) else query


def _folding_class(backend_class):
    if backend_class not in _classes:

        class FoldingBackend(backend_class):
            def search(self, query, model_or_queryset, *args, **kwargs):
                return super().search(_fold_query(query), model_or_queryset, *args, **kwargs)

            def autocomplete(self, query, model_or_queryset, *args, **kwargs):
                return super().autocomplete(_fold_query(query), model_or_queryset, *args, **kwargs)

        FoldingBackend.__name__ = f"Folding{backend_class.__name__}"
        _classes[backend_class] = FoldingBackend
    return _classes[backend_class]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for this database, with folded queries."""
    from modelsearch.backends.database import SearchBackend as database_backend

    backend = database_backend(params)
    backend.__class__ = _folding_class(type(backend))
    return backend
