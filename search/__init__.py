"""Shared search for the portal and every department subsite.

Records from the static build (build/records.py) become search documents
(documents.py) with Vietnamese-aware text (text.py); a backend (backends/)
stores them: embedded SQLite FTS5 by default, Elasticsearch when
ELASTICSEARCH_URL is set. indexing.py feeds the index from the build, api.py
answers queries over HTTP. Nothing here imports Django.
"""
