"""The MkDocs build steps: configuration and validation, site search and its words, tooltips, page fixes, the offline package."""
