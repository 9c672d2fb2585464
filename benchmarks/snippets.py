"""Snippets benchmark: the ACLED sub-type of the event sitrep reports for one-event passages.

Reads ``../shared/snippets/snippets.tsv`` (one passage per line, labelled with its ACLED
event; see its README), runs sitrep's whole extraction on each passage as an undated
document, and takes **the main event**: among the events asserted as fact (status not
planned, threatened, denied or rumour), the one told first (earliest evidence), events
coded beside another (displacement, marked optional) only when there is no other; ties in
one sentence go to ACLED's hierarchy (the higher-ranked sub-type).

Figures, on ``reported`` passages: weighted F1 over sub-types (no event = wrong) and
accuracy; correct counts per sub-type; the distractors (no ACLED event) given any asserted
event; the planned/threatened/denied passages asserted as fact; a confusion table.

A **blind third** (``benchmarks/snippets_blind.txt``, drawn by hash before any rule
changed) is scored apart and only its totals are shown; ``--errors`` lists the other
passages' errors one by one, never the blind ones'.

    python benchmarks/snippets.py                  # the figures
    python benchmarks/snippets.py --errors         # + the development passages' errors
    python benchmarks/snippets.py --write-docs     # + the table in docs/events.md
    python benchmarks/snippets.py --json out.json
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.ingest.documents import parse_plain_text
from sitrep.model import NON_FACTUAL, Event
from sitrep.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TSV = ROOT.parent / "shared" / "snippets" / "snippets.tsv"
BLIND_FILE = Path(__file__).resolve().parent / "snippets_blind.txt"
DOCS = ROOT / "docs" / "events.md"
BEGIN, END = "<!-- snippets:begin -->", "<!-- snippets:end -->"

#: ACLED's hierarchy (codebook order of precedence): the higher one codes co-occurring tactics;
#: the codebook ranks no strategic development above another, so they follow its list, except
#: that a change to group/activity comes last
HIERARCHY = (
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Agreement", "Non-violent transfer of territory", "Arrests", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Other",
    # last: troop movements are what sitrep codes beside another event
    "Change to group/activity",
)
NONE = "(none)"


@dataclass
class Passage:
    id: str
    text: str
    sub_event_type: str  # "" for a distractor
    status: str
    country: str = ""  # the country the passage reports from

    @property
    def group(self) -> str:
        """The stratum the blind third is drawn from (a sub-type, negatives, distractors)."""
        if not self.sub_event_type:
            return "distractor"
        return self.sub_event_type if self.status == "reported" else "not-yet"


@dataclass
class Outcome:
    passage: Passage
    predicted: str  # the main event's sub-type, or NONE
    asserted: int  # events asserted as fact
    events: list[dict[str, Any]] = field(default_factory=list)


def read_passages(path: Path) -> list[Passage]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Passage(r["id"], r["text"], r["sub_event_type"] or "", r["status"] or "reported",
                    r.get("country") or "") for r in rows]


def blind_ids() -> frozenset[str]:
    lines = BLIND_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def draw_blind(passages: list[Passage]) -> list[str]:
    """A third of each stratum, by the order of sha256("sitrep-snippets-blind-" + id)."""
    groups: dict[str, list[Passage]] = defaultdict(list)
    for p in passages:
        groups[p.group].append(p)
    chosen: list[str] = []
    for members in groups.values():
        ranked = sorted(members, key=lambda p: hashlib.sha256(
            f"sitrep-snippets-blind-{p.id}".encode()).hexdigest())
        chosen.extend(p.id for p in ranked[:round(len(members) / 3)])
    return sorted(chosen)


def _rank(event: Event) -> int:
    return HIERARCHY.index(event.sub_event_type) if event.sub_event_type in HIERARCHY else 99


def main_event(events: list[Event]) -> Event | None:
    """The first event asserted as fact (main kinds before side ones, then the hierarchy)."""
    asserted = [e for e in events if e.status not in NON_FACTUAL]
    if not asserted:
        return None
    return min(asserted, key=lambda e: (e.optional, min((s.start for s in e.evidence),
                                                         default=0), _rank(e)))


def run(passage: Passage) -> Outcome:
    doc = parse_plain_text(passage.text, passage.id)
    events = extract_document(doc).events
    main = main_event(events)
    brief = [{"type": e.sub_event_type, "status": e.status, "actor1": e.actor1,
              "actor2": e.actor2, "place": e.location.name if e.location else None}
             for e in events]
    return Outcome(passage, main.sub_event_type if main else NONE,
                   sum(e.status not in NON_FACTUAL for e in events), brief)


def weighted_f1(pairs: list[tuple[str, str]]) -> float:
    """F1 per gold sub-type, weighted by its support (a prediction of no event is wrong)."""
    gold = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    total = 0.0
    for label, support in gold.items():
        hit = sum(1 for g, p in pairs if g == p == label)
        precision = hit / predicted[label] if predicted[label] else 0.0
        recall = hit / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * support
    return total / len(pairs) if pairs else 0.0


#: the country in an actor's name: "Military Forces of Sudan (2019-)", "Civilians (Sudan)"
_ACTOR_COUNTRY = re.compile(r"(?:Forces of (?:the )?|\()([A-Z][^()]+?)(?:\)| \(\d)")


def actor_countries(outcomes: list[Outcome]) -> list[int]:
    """[actor names that name a country the passage is not from, actor names naming one]
    over the events asserted as fact: a state's army or civilians of the wrong country."""
    wrong = named = 0
    for o in outcomes:
        for event in o.events:
            if event["status"] in NON_FACTUAL:
                continue
            for actor in (event["actor1"], event["actor2"]):
                match = _ACTOR_COUNTRY.search(actor or "")
                if match and o.passage.country:
                    named += 1
                    country = match.group(1).strip()
                    wrong += country not in o.passage.country and \
                        o.passage.country not in country
    return [wrong, named]


def figures(outcomes: list[Outcome]) -> dict[str, Any]:
    reported = [o for o in outcomes if o.passage.sub_event_type and
                o.passage.status == "reported"]
    pairs = [(o.passage.sub_event_type, o.predicted) for o in reported]
    distractors = [o for o in outcomes if not o.passage.sub_event_type]
    negatives = [o for o in outcomes if o.passage.sub_event_type and
                 o.passage.status != "reported"]
    per_type = {label: [sum(1 for g, p in pairs if g == label == p),
                        sum(1 for g, _ in pairs if g == label)]
                for label in HIERARCHY}
    return {
        "passages": len(outcomes),
        "weighted_f1": round(weighted_f1(pairs), 3),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3) if pairs else 0.0,
        "no_event": round(sum(p == NONE for _, p in pairs) / len(pairs), 3) if pairs else 0.0,
        "distractors_with_event": [sum(o.asserted > 0 for o in distractors), len(distractors)],
        "not_yet_asserted": [sum(o.asserted > 0 for o in negatives), len(negatives)],
        "per_type": per_type,
        "actors_other_country": actor_countries(outcomes),
    }


def confusion(outcomes: list[Outcome]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        if o.passage.sub_event_type and o.passage.status == "reported":
            table[o.passage.sub_event_type][o.predicted] += 1
    return table


def _short(label: str) -> str:
    return label.split("/")[0].split(" ")[0][:10] if label != NONE else "none"


def markdown(all_: dict[str, Any], dev: dict[str, Any], blind: dict[str, Any],
             table: dict[str, Counter[str]]) -> str:
    def row(name: str, f: dict[str, Any]) -> str:
        d, n = f["distractors_with_event"], f["not_yet_asserted"]
        return (f"| {name} | {f['passages']} | {f['weighted_f1']:.3f} | {f['accuracy']:.3f} | "
                f"{f['no_event']:.1%} | {d[0]} of {d[1]} | {n[0]} of {n[1]} |")
    lines = ["| part | passages | weighted F1 | accuracy | reported, no event | "
             "distractors with an event | planned/threatened/denied asserted |",
             "|---|---|---|---|---|---|---|",
             row("all", all_), row("dev", dev), row("blind third", blind), "",
             "Correct per sub-type (all passages; dev only in brackets):", "",
             "| sub-type | correct | dev |", "|---|---|---|"]
    for label in HIERARCHY:
        hit, n = all_["per_type"][label]
        dh, dn = dev["per_type"][label]
        lines.append(f"| {label} | {hit} of {n} | {dh} of {dn} |")
    lines += ["", "Confusion on the dev passages (rows: the label; columns: sitrep's main event, "
              "only the sub-types it predicted):", ""]
    columns = [c for c in (*HIERARCHY, NONE) if any(table[r][c] for r in table)]
    lines.append("| label | " + " | ".join(_short(c) for c in columns) + " |")
    lines.append("|---|" + "---|" * len(columns))
    for label in HIERARCHY:
        if label in table:
            cells = [str(table[label][c] or "") for c in columns]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    DOCS.write_text(text[:start] + "\n" + section + "\n" + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    parser.add_argument("--errors", action="store_true", help="list the dev passages' errors")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--draw-blind", action="store_true",
                        help="print the blind third's ids (done once, before rules changed)")
    args = parser.parse_args(argv)
    passages = read_passages(args.tsv)
    if args.draw_blind:
        print("\n".join(draw_blind(passages)))
        return 0
    blind = blind_ids()
    outcomes = [run(p) for p in passages]
    dev_out = [o for o in outcomes if o.passage.id not in blind]
    blind_out = [o for o in outcomes if o.passage.id in blind]
    result = {"all": figures(outcomes), "dev": figures(dev_out), "blind": figures(blind_out)}
    for part in ("all", "dev", "blind"):
        f = result[part]
        print(f"{part:6} n={f['passages']:3} wF1={f['weighted_f1']:.3f} acc={f['accuracy']:.3f} "
              f"no-event={f['no_event']:.1%} distractors={f['distractors_with_event']} "
              f"not-yet-asserted={f['not_yet_asserted']} "
              f"actors-other-country={f['actors_other_country']}")
    for label in HIERARCHY:
        hit, n = result["all"]["per_type"][label]
        print(f"  {hit}/{n}  {label}")
    if args.errors:
        for o in dev_out:
            wrong = (o.passage.sub_event_type and o.passage.status == "reported"
                     and o.predicted != o.passage.sub_event_type) or \
                    (o.asserted and (not o.passage.sub_event_type
                                     or o.passage.status != "reported"))
            if wrong:
                print(f"\n{o.passage.id} [{o.passage.sub_event_type or 'distractor'}"
                      f"/{o.passage.status}] -> {o.predicted}\n  {o.passage.text}\n  {o.events}")
    section = markdown(result["all"], result["dev"], result["blind"], confusion(dev_out))
    if args.write_docs:
        write_docs(section)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
