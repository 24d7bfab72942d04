"""The leak gate: a sample may not be published while the anonymiser finds an identifying item in it."""
from __future__ import annotations

from pathlib import Path

from ..base import paths
from ..base.errors import HandbookError
from ..content.samples import ALLOW_FILE, Sample, all_samples, allow_list, is_allowed
from .anonymise import find_items


def check_leaks(sample: Sample, root: Path = paths.TEMPLATES) -> None:
    """Fail (one line: sample, item, position) when the anonymiser finds an identifying item."""
    allowed = allow_list(root)
    for i, para in enumerate(sample.paragraphs):
        for item in find_items(para.text):
            if is_allowed(item.text, item.category, sample.slug, allowed):
                continue
            raise HandbookError(
                sample.where,
                f"identifying item {item.text!r} ({item.category}) at characters {item.start}–{item.end} "
                f"of paragraph {i + 1}: replace it with a 【…】 slot, or if it is a false alarm add it to "
                f"templates/samples/{ALLOW_FILE} with a reason",
                f"paragraphs[{i}].text",
            )


def validate_samples(root: Path = paths.TEMPLATES) -> dict[str, Sample]:
    samples = all_samples(root)
    for s in samples.values():
        check_leaks(s, root)
    return samples
