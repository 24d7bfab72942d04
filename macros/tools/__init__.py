"""The tools for drafts and samples: text input, the checker and its rules, the anonymiser and leak gate, ingestion."""
