"""Content as data: loading and validating templates/ (slots, sections, report types, phrases, samples, calendar); no MkDocs."""
