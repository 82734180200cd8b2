"""Copy the reference signatory lists into ``data/lists/`` in graphkit's vocabulary.

The reference CSVs (``shared/reference/alignments/*.csv``, documented in its
SOURCES.md) say ``supports_china`` / ``critical_of_china`` / ``yes`` / ``no`` /
``abstain`` and ``lead`` / ``member``. graphkit's lists say ``supports`` /
``criticises`` / ... and ``lead`` / ``signatory`` / ``voter`` /
``later_joiner``. State names are kept exactly as the source spells them; the
build resolves them to ISO codes and fails on any it cannot resolve.

Run ``python -m graphkit.curation.alignments SRC_DIR [OUT_DIR]``.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from ..graph.writing import atomic_write

POSITIONS = {"supports_china": "supports", "critical_of_china": "criticises",
             "yes": "yes", "no": "no", "abstain": "abstain"}

#: Lists whose members joined after the act, with the date they joined (SOURCES.md).
LATER_JOINERS = {"hrc41-2019-07-26-xinjiang-letter-support-13-joiners": "2019-07-26"}


def convert(src: Path, out: Path) -> int:
    """Convert one reference CSV; return the number of rows written."""
    joined = LATER_JOINERS.get(src.stem)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["state", "position", "role"] + (["date"] if joined else []))
    rows = 0
    with src.open(encoding="utf-8-sig", newline="") as fh:  # -sig: a byte-order mark is not in the header
        for row in csv.DictReader(fh):
            position = POSITIONS[row["position"].strip()]
            role = row["role"].strip()
            if role == "member":
                role = "voter" if position in ("yes", "no", "abstain") else ("later_joiner" if joined else "signatory")
            writer.writerow([row["state"].strip(), position, role] + ([joined] if joined else []))
            rows += 1
    with atomic_write(out) as fh:
        fh.write(buffer.getvalue())
    return rows


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    src_dir = Path(argv[0])
    out_dir = Path(argv[1] if len(argv) > 1 else "data/lists")
    for src in sorted(src_dir.glob("*.csv")):
        n = convert(src, out_dir / src.name)
        print(f"{src.name}: {n} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
