"""A small hand-made archive for the search tests, indexed once per session."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from cablebrowser.record import Cable, Form, Reference
from cablebrowser.search import SearchIndex, build_index
from cablebrowser.store.base import StoredCable, Version

SEED = Path(__file__).resolve().parents[2] / "sample" / "seed" / "05ALMATY3603.txt"


def _cable(reference_id: str, body: str, created: datetime, **fields: object) -> Cable:
    station = fields.pop("station")
    return Cable(
        reference_id=reference_id,
        canonical_id=reference_id,
        body=body,
        created=created,
        station=station,
        **fields,
    )  # type: ignore[arg-type]


def _versions(reference_id: str, *releases: str) -> tuple[Version, ...]:
    return tuple(
        Version(
            reference_id,
            name,
            None,
            Form.PAGE,
            f"{name}/{reference_id}.html",
            f"hash-{name}",
            "new" if i == 0 else "modified",
        )
        for i, name in enumerate(releases)
    )


def make_corpus() -> list[StoredCable]:
    """Return the test archive: real seed text plus short cables with traps."""
    cables = [
        (
            _cable(
                "05ALMATY3603",
                SEED.read_text(encoding="utf-8"),
                datetime(2005, 10, 5, 8, 34),
                station="ALMATY",
                origin="US Office Almaty",
                classification="CONFIDENTIAL",
                tags=("KZ", "PGOV", "PHUM", "PREL"),
                subject="KAZAKHSTAN: A/S FRIED'S MEETING WITH PRESIDENT NAZARBAYEV",
                signers=("ORDWAY",),
                captions=("SIPDIS",),
            ),
            (),
            ("cablegate-2010-11-28",),
        ),
        (
            _cable(
                "06TEHRAN12",
                "SUBJECT: IRAN <NUCLEAR> & PROGRAM\n1. (S) Contact XXXXXXXXXXXX said the <nuclear> program & the talks would go on.\nREF: 05 ALMATY 3603",
                datetime(2006, 1, 2, 9, 0),
                station="TEHRAN",
                origin="Embassy Tehran",
                classification="SECRET//NOFORN",
                tags=("IR", "PGOV", "MNUC"),
                subject="IRAN <NUCLEAR> & PROGRAM",
                captions=("NOFORN",),
                references=(Reference("cable", "05ALMATY3603", "A", "05 ALMATY 3603"),),
            ),
            (),
            ("cablegate-2010-12-22", "cablegate-2011-08-30"),
        ),
        (
            _cable(
                "06TEHRAN77",
                "Iranian nuclear talks in Vienna. Officials said free and fair elections are unlikely this year.",
                datetime(2006, 6, 30, 12, 0),
                station="TEHRAN",
                origin="Embassy Tehran",
                classification="SECRET",
                tags=("IR", "PREL"),
                subject="NUCLEAR TALKS IN VIENNA",
                signers=("SMITH",),
            ),
            (),
            ("cablegate-2011-08-30",),
        ),
        (
            _cable(
                "08LONDON2627",
                "The Foreign Office said xxxxxxxxxxxx met the minister. Iran was not discussed; the minister spoke of trade.",
                datetime(2008, 3, 15, 16, 5),
                station="LONDON",
                origin="Embassy London",
                classification="CONFIDENTIAL//NOFORN",
                tags=("UK", "PREL"),
                subject="UK: MINISTER ON TRADE",
                signers=("TUTTLE",),
                captions=("NOFORN", "SIPDIS"),
            ),
            (),
            ("cablegate-2011-08-30",),
        ),
        (
            _cable(
                "09STATE4134",
                "Press guidance on Kazakhstan and Iran. Spokesman to say elections must be free and fair.",
                datetime(2009, 1, 10, 1, 0),
                station="STATE",
                origin="Secretary of State",
                classification="UNCLASSIFIED",
                tags=("PREL", "KPAO"),
                subject="PRESS GUIDANCE",
                references=(Reference("cable", "06TEHRAN12", None, "TEHRAN 12"),),
            ),
            (),
            ("cablegate-2011-08-30",),
        ),
        (
            _cable(
                "07MOSCOW1",
                "Energy & gas pipelines <Gazprom> a<b. Pipeline politics dominate; nazarbayev was not mentioned.",
                datetime(2007, 12, 31, 23, 0),
                station="MOSCOW",
                origin="Embassy Moscow",
                classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                tags=("RS", "ECON", "ENRG"),
                subject="RUSSIA: GAS",
            ),
            ("07SECTION01OF02MOSCOW1",),
            ("cablegate-2011-08-30",),
        ),
        (
            _cable(
                "10ASTANA272",
                "Oil in Astana. President Nazarbayev again spoke of pipelines and elections.",
                datetime(2010, 2, 1, 5, 0),
                station="ASTANA",
                origin="Embassy Astana",
                classification="CONFIDENTIAL",
                tags=("KZ", "ENRG", "PGOV"),
                subject="KAZAKHSTAN: OIL",
                signers=("HOAGLAND",),
            ),
            ("10AQNA272",),
            ("cablegate-2011-08-30",),
        ),
    ]
    return [
        StoredCable(
            cable,
            None,
            releases[-1],
            None,
            _versions(cable.reference_id, *releases) if len(releases) > 1 else (),
            aliases,
        )
        for cable, aliases, releases in cables
    ]


@dataclass
class FakeStore:
    """Only what ``build_index`` reads of a store."""

    cables: list[StoredCable]

    def iter_cables(self) -> Iterator[StoredCable]:
        """Yield the cables in reference-ID order."""
        yield from sorted(self.cables, key=lambda stored: stored.cable.reference_id)

    def stats(self) -> dict[str, object]:
        """Return the count the progress bar uses."""
        return {"cables": len(self.cables)}


@pytest.fixture(scope="session")
def corpus() -> list[StoredCable]:
    """The test archive."""
    return make_corpus()


@pytest.fixture(scope="session")
def index(
    corpus: list[StoredCable], tmp_path_factory: pytest.TempPathFactory
) -> SearchIndex:
    """The test archive, indexed."""
    path = tmp_path_factory.mktemp("search") / "test.index"
    build_index(FakeStore(corpus), path)
    return SearchIndex.open(path)
