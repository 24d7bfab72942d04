"""Engines with no knowledge of content or MkDocs: the marked-text renderer and the .docx writer."""
