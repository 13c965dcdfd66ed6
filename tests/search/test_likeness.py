"""The more-like-this terms: scored as tantivy scores them, picked in a fixed order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cablebrowser.search.index import index_path
from cablebrowser.search.likeness import MAX_TERMS, telling_terms, term_counts


class _Searcher:
    """Answers ``num_docs`` and ``doc_freq`` as a tantivy searcher would."""

    def __init__(self, total: int, frequencies: dict[tuple[str, str], int]) -> None:
        self.num_docs = total
        self._frequencies = frequencies

    def doc_freq(self, field: str, term: str) -> int:
        return self._frequencies.get((field, term), 0)


def test_terms_are_stemmed_words_of_subject_and_body_and_whole_tags():
    counts = term_counts(
        {
            "subject": ["Ministries meet"],
            "body": ["The ministries of <b>&amp; an ox"],
            "tags": ["PREL", "KZ"],
        }
    )
    assert counts[("body", "ministri")] == 1
    assert counts[("subject", "ministri")] == 1
    assert counts[("tags", "KZ")] == 1
    # words shorter than three letters say nothing
    assert ("body", "ox") not in counts and ("body", "an") not in counts


def test_equal_scores_are_broken_by_term_order_and_the_count_is_capped():
    counts = {("body", f"w{n:03d}"): 1 for n in range(100, 0, -1)}
    searcher = _Searcher(1000, dict.fromkeys(counts, 7))
    assert telling_terms(searcher, counts) == [
        ("body", f"w{n:03d}") for n in range(1, MAX_TERMS + 1)
    ]


def test_rare_and_common_terms_are_left_out_and_the_best_come_first():
    counts = {
        ("body", "once"): 1,  # in this cable alone
        ("body", "everywher"): 5,  # in more than 5% of cables
        ("body", "nazarbayev"): 1,
        ("body", "election"): 3,
    }
    searcher = _Searcher(
        1000,
        {
            ("body", "once"): 1,
            ("body", "everywher"): 400,
            ("body", "nazarbayev"): 4,
            ("body", "election"): 30,
        },
    )
    assert telling_terms(searcher, counts) == [
        ("body", "election"),
        ("body", "nazarbayev"),
    ]


_SIMILAR = """
import sqlite3, sys
from pathlib import Path
from cablebrowser.search import SearchIndex
db = sys.argv[1]
index = SearchIndex.open(Path(sys.argv[2]))
ids = [row[0] for row in sqlite3.connect(db).execute(
    "SELECT reference_id FROM cables WHERE text_hash IS NOT NULL ORDER BY reference_id")]
for reference_id in ids:
    print(reference_id, *(hit.reference_id for hit in index.similar(reference_id, 5, leads=False)))
"""


def test_similar_cables_are_the_same_in_every_process(sample_db: Path):
    """tantivy's own more-like-this picked among equal terms by a per-process hash."""
    runs = [
        subprocess.run(
            [
                sys.executable,
                "-c",
                _SIMILAR,
                str(sample_db),
                str(index_path(sample_db)),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0].count("\n") > 300
    assert runs[0] == runs[1]
