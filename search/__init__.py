"""Shared search for the portal and every department subsite.

Records from the static build (build/records.py) become search documents
(documents.py) with Vietnamese-aware text (text.py); a backend (backends/)
stores them: an embedded tantivy index by default, Elasticsearch when
ELASTICSEARCH_URL is set. indexing.py feeds the index from the build (with the
text of attached files, attachments.py), api.py answers queries over HTTP
(suggest.py: suggestions while typing). Nothing here imports Django.
"""
