"""What pages call: the macros, their strict registry, and the HTML of section, report-type, phrase, sample and tool pages, and downloads."""
