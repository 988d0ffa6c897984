"""Import news from an old portal: JSON Lines or RSS/Atom files (`manage.py import_content`)."""
