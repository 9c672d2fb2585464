"""Fusion measured: does sitrep merge the reports the gold says are one event, and only those?

Truth, from ``../shared/gold``: gold events of *different* articles with the
same sub-event type, the same place (same spelling-folded name, or within
``GOLD_PLACE_KM`` by the gold's coordinates) and overlapping dates are linked;
linked events form one cluster (connected components). sitrep's events are
matched to gold events per article with the harness's own matcher
(``sitrep.eval.scoring.match_events``); over every pair of gold-matched system
events from different articles, a pair is predicted "same" when
``merge_events`` put both in one merged event and is truly "same" when their
gold events share a cluster. Pairwise precision, recall and F1 follow.

Clusters are transitive: a month-long report ("in July") links a capture on
July 16 in one article to one on July 24 in another, although those two cannot
be one event by their own dates. ``direct`` scores the same pairs against the
gold links themselves (no closure), which no merge that respects every
report's interval can contradict by construction; both are printed.
With ``-v`` the disagreeing pairs of the dev part are listed (the blind part's
articles, ``sitrep/eval/data/blind.txt``, are counted but never shown).

A second check reads a store (``--corpus-db``, e.g. ``../shared/corpus``
ingested) and counts merged events whose reports lie further apart than their
own intervals allow without saying so, or that mix sub-event types: both must
be 0. Reports further apart that fusion joined as one capture dated differently
(``same_capture``) must be listed as a date contradiction of their merged event
(``sitrep contradictions``); they are counted apart (``date_disputed``, with the
widest gap in days), and listed when no blind article is among them.

    python benchmarks/fusion.py [--gold DIR] [--texts DIR] [--cache DB] [--corpus-db DB] [-v]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.eval.harness import blind_ids
from sitrep.eval.matching import km_between, parse_date, place_key
from sitrep.eval.scoring import match_events
from sitrep.fuse.contradictions import event_date_conflicts
from sitrep.fuse.events import (
    MergedEvent,
    actors_overlap,
    dates_overlap,
    merge_events,
    same_capture,
    same_place,
)
from sitrep.model import Event, Extraction
from sitrep.store import Store

GOLD_PLACE_KM = 10.0
Coords = tuple[float, float] | None


# -- truth ---------------------------------------------------------------------

def gold_coords(gold: dict[str, Any]) -> dict[str, tuple[float, float]]:
    coords = {}
    for place in gold.get("places", []):
        if place.get("lat") is not None and place.get("lon") is not None:
            for name in (place.get("name"), place.get("mention")):
                coords[place_key(name)] = (place["lat"], place["lon"])
    return coords


def _interval(event: dict[str, Any]) -> tuple[date, date] | None:
    start, end = parse_date(event.get("date_start")), parse_date(event.get("date_end"))
    if start is None and end is None:
        return None
    return (start or end, end or start)  # type: ignore[return-value]


def gold_same(a: tuple[dict[str, Any], Coords], b: tuple[dict[str, Any], Coords]) -> bool:
    """GOLD's identity: same sub-event type, place (name or 10 km) and overlapping dates."""
    (ga, ca), (gb, cb) = a, b
    if ga.get("sub_event_type") != gb.get("sub_event_type"):
        return False
    ia, ib = _interval(ga), _interval(gb)
    if ia is None or ib is None or ia[0] > ib[1] or ib[0] > ia[1]:
        return False
    ka, kb = place_key(ga.get("location")), place_key(gb.get("location"))
    if ka and ka == kb:
        return True
    return bool(ca and cb and km_between(*ca, *cb) <= GOLD_PLACE_KM)


Node = tuple[str, int]  # (article id, gold event index)


def gold_links(golds: dict[str, dict[str, Any]]) -> tuple[list[Node], set[frozenset[Node]]]:
    """Every gold event, and the pairs of different articles that GOLD's identity links."""
    nodes = [((art, i), (g, gold_coords(gold).get(place_key(g.get("location")))))
             for art, gold in golds.items() for i, g in enumerate(gold.get("events", []))]
    links = {frozenset((na, nb)) for (na, ea), (nb, eb) in itertools.combinations(nodes, 2)
             if na[0] != nb[0] and gold_same(ea, eb)}
    return [node for node, _ in nodes], links


def gold_clusters(nodes: list[Node], links: set[frozenset[Node]]) -> dict[Node, int]:
    """Cluster number of every gold event: the union of linked pairs."""
    parent = {node: node for node in nodes}

    def root(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in (tuple(link) for link in links):
        parent[root(a)] = root(b)
    roots: dict[Node, int] = {}
    return {node: roots.setdefault(root(node), len(roots)) for node in nodes}


# -- system --------------------------------------------------------------------

def extract_all(gold_dir: Path, texts_dir: Path, cache: Path | None) -> list[Extraction]:
    """sitrep's extraction of every gold text (read back from ``cache`` when it exists)."""
    if cache is not None and cache.exists():
        with Store.open(str(cache)) as store:
            return store.load_extractions()
    from sitrep.eval.harness import gold_files
    from sitrep.ingest import parse_plain_text
    from sitrep.pipeline import extract_document

    out = []
    for gold_path in gold_files(gold_dir):
        text_path = texts_dir / f"{gold_path.stem}.txt"
        doc = parse_plain_text(text_path.read_text(encoding="utf-8"), str(text_path))
        out.append(extract_document(doc))
    if cache is not None:
        with Store.open(str(cache)) as store:
            for extraction in out:
                store.save(extraction)
    return out


def article_of(extraction: Extraction) -> str:
    return Path(extraction.document.path or extraction.document.id).stem


def score(golds: dict[str, dict[str, Any]], extractions: list[Extraction],
          verbose: bool = False) -> dict[str, dict[str, float]]:
    """Pairwise figures against the gold clusters (``clusters``) and links (``direct``)."""
    nodes, links = gold_links(golds)
    clusters = gold_clusters(nodes, links)
    matched = _matched(golds, extractions)
    group_of = {id(ev): n for n, g in enumerate(merge_events(extractions)) for _, ev in g.members}
    blind = blind_ids() if verbose else frozenset()

    def predicted(a: tuple[str, int, Event], b: tuple[str, int, Event]) -> bool:
        return group_of[id(a[2])] == group_of[id(b[2])]

    def in_cluster(a: tuple[str, int, Event], b: tuple[str, int, Event]) -> bool:
        return clusters[a[:2]] == clusters[b[:2]]

    def linked(a: tuple[str, int, Event], b: tuple[str, int, Event]) -> bool:
        return frozenset((a[:2], b[:2])) in links

    pairs = [(a, b) for a, b in itertools.combinations(matched, 2) if a[0] != b[0]]
    if verbose:
        _print_disagreements(pairs, in_cluster, predicted, clusters, group_of, matched, blind)
    return {"clusters": _pairwise(pairs, in_cluster, predicted, len(matched)),
            "direct": _pairwise(pairs, linked, predicted, len(matched)),
            "reach": reach(nodes, clusters, pairs, in_cluster, predicted),
            "false_merges": false_merges(golds, pairs, in_cluster, predicted)}


def reach(nodes: list[Node], clusters: dict[Node, int], pairs: list[Any], in_cluster: Any,
          predicted: Any) -> dict[str, Any]:
    """How much of the gold's same-event pairs any merge of sitrep's own reports can reach.

    ``gold_pairs``: every pair of gold events of different articles in one cluster;
    ``unmatched``: of those, the pairs where sitrep did not extract (match) both
    events, which no merge can score. The scored (matched) true pairs are split by
    what sitrep's two reports allow: ``mergeable`` (same sub-event type, place,
    overlapping dates, compatible actors: ``same_event``), else the first thing
    that keeps them apart. Counts only, with the pairs naming a blind article in
    ``blind`` (never listed).
    """
    blind = blind_ids()
    by_cluster: dict[int, list[Node]] = {}
    for node in nodes:
        by_cluster.setdefault(clusters[node], []).append(node)
    gold_pairs = [(a, b) for members in by_cluster.values()
                  for a, b in itertools.combinations(members, 2) if a[0] != b[0]]
    true_pairs = [(a, b) for a, b in pairs if in_cluster(a, b)]
    out: dict[str, Any] = {"gold_pairs": len(gold_pairs),
                           "gold_pairs_blind": sum(bool({a[0], b[0]} & blind)
                                                   for a, b in gold_pairs),
                           "matched_true_pairs": len(true_pairs),
                           "unmatched": len(gold_pairs) - len(true_pairs)}
    why: dict[str, dict[str, int]] = {}
    for a, b in true_pairs:
        reason = _apart_because(a[2], b[2])
        part = "blind" if {a[0], b[0]} & blind else "dev"
        bucket = why.setdefault(reason, {"dev": 0, "blind": 0, "merged": 0})
        bucket[part] += 1
        bucket["merged"] += bool(predicted(a, b))
    out["matched_true_pairs_by_sitrep_reports"] = why
    return out


def false_merges(golds: dict[str, dict[str, Any]], pairs: list[Any], in_cluster: Any,
                 predicted: Any) -> dict[str, dict[str, int]]:
    """Merged pairs the gold keeps apart, counted by the first gold condition they fail
    (the gold events' sub-event types, dates, places; else only the cluster differs)."""
    blind = blind_ids()
    out: dict[str, dict[str, int]] = {}
    for a, b in pairs:
        if not predicted(a, b) or in_cluster(a, b):
            continue
        ga, gb = golds[a[0]]["events"][a[1]], golds[b[0]]["events"][b[1]]
        ia, ib = _interval(ga), _interval(gb)
        if ga.get("sub_event_type") != gb.get("sub_event_type"):
            reason = "gold sub_event_type differs"
        elif ia is None or ib is None or ia[0] > ib[1] or ib[0] > ia[1]:
            reason = "gold dates apart or undated"
        else:
            reason = "gold places apart"
        bucket = out.setdefault(reason, {"dev": 0, "blind": 0})
        bucket["blind" if {a[0], b[0]} & blind else "dev"] += 1
    return out


def _apart_because(a: Event, b: Event) -> str:
    """The first of ACLED's conditions that sitrep's two reports fail ("mergeable": none)."""
    if a.sub_event_type != b.sub_event_type:
        return "sub_event_type differs"
    if not dates_overlap(a, b) and same_capture(a, b):
        return "one capture dated differently"
    if not dates_overlap(a, b):
        return "dates apart or undated"
    if not same_place(a.location, b.location):
        return "places apart"
    if not actors_overlap(a, b):
        return "actors apart"
    return "mergeable"


def _print_disagreements(pairs: list[Any], in_cluster: Any, predicted: Any,
                         clusters: dict[Node, int], group_of: dict[int, int],
                         matched: list[tuple[str, int, Event]], blind: frozenset[str]) -> None:
    """The disagreeing pairs whose gold clusters and sitrep groups hold dev articles only.

    A pair of two dev articles can still sit in a cluster with a blind article
    (the blind article's event is then told by the listing); such pairs, like
    every pair naming a blind article, are only counted.
    """
    cluster_articles: dict[int, set[str]] = {}
    for node, cluster in clusters.items():
        cluster_articles.setdefault(cluster, set()).add(node[0])
    group_articles: dict[int, set[str]] = {}
    for art, _gi, event in matched:
        group_articles.setdefault(group_of[id(event)], set()).add(art)

    def dev_only(x: tuple[str, int, Event]) -> bool:
        return not (cluster_articles[clusters[x[:2]]] | group_articles[group_of[id(x[2])]]) & blind

    hidden = {"merged, gold apart": 0, "apart, gold merged": 0}
    for a, b in pairs:
        if in_cluster(a, b) == predicted(a, b):
            continue
        what = "merged, gold apart" if predicted(a, b) else "apart, gold merged"
        if dev_only(a) and dev_only(b):
            print(f"  {what}: {a[0]}#{a[1]} {_brief(a[2])}  |  {b[0]}#{b[1]} {_brief(b[2])}")
        else:
            hidden[what] += 1
    print(f"  not shown (a cluster or group with a blind article): {hidden}")


def _matched(golds: dict[str, dict[str, Any]],
             extractions: list[Extraction]) -> list[tuple[str, int, Event]]:
    """(article, gold index, system event) for every system event the harness matches."""
    matched: list[tuple[str, int, Event]] = []
    for extraction in extractions:
        art = article_of(extraction)
        gold = golds.get(art)
        if gold is None:
            continue
        system = extraction.to_gold_dict()["events"]
        for gi, si in match_events(gold.get("events", []), system, gold_coords(gold)):
            matched.append((art, gi, extraction.events[si]))
    return matched


def _pairwise(pairs: list[Any], truth: Any, predicted: Any, matched: int) -> dict[str, float]:
    tp = sum(truth(a, b) and predicted(a, b) for a, b in pairs)
    fp = sum(predicted(a, b) and not truth(a, b) for a, b in pairs)
    fn = sum(truth(a, b) and not predicted(a, b) for a, b in pairs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"matched_events": matched, "true_pairs": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}


def _brief(event: Event) -> str:
    when = f"{event.date.start}..{event.date.end}" if event.date else "undated"
    where = event.location.name if event.location else "?"
    return f"{event.sub_event_type} @ {where} {when}"


# -- corpus check --------------------------------------------------------------

def too_far_apart(group: MergedEvent) -> bool:
    """Two reports whose intervals (with a day's slack) do not overlap."""
    spans = [(ev.date.start or ev.date.end, ev.date.end or ev.date.start)
             for _, ev in group.members if ev.date and (ev.date.start or ev.date.end)]
    if len(spans) < len(group.members):
        return len(group.members) > 1  # an undated report merged with anything
    slack = timedelta(days=1)
    return any(a[0] - slack > b[1] or b[0] - slack > a[1]  # type: ignore[operator]
               for a, b in itertools.combinations(spans, 2))


def flagged(group: MergedEvent) -> bool:
    """Whether the merged event's reports' dates are listed as a date contradiction."""
    members = {doc.id for doc, _ in group.members}
    return any(c.kind == "date" and members <= {v.document for v in c.values}
               for c in event_date_conflicts([group]))


def widest_gap(group: MergedEvent) -> int:
    """Days between the latest start and the earliest end of the members' dates."""
    starts = [d.start or d.end for d in (ev.date for _, ev in group.members) if d]
    ends = [d.end or d.start for d in (ev.date for _, ev in group.members) if d]
    known_starts, known_ends = [s for s in starts if s], [e for e in ends if e]
    if not known_starts or not known_ends:
        return 0
    return (max(known_starts) - min(known_ends)).days


def corpus_check(db: Path) -> dict[str, Any]:
    """Merged events as the store holds them (fused again first when out of date)."""
    with Store.open(str(db)) as store:
        groups = store.merged_events()
    merged = [g for g in groups if len(g.members) > 1]
    apart = [g for g in merged if too_far_apart(g)]
    disputed = [g for g in apart if flagged(g)]
    blind = blind_ids()
    shown = [g for g in disputed
             if not {Path(doc.path or doc.id).stem for doc, _ in g.members} & blind]
    return {"events": len(groups), "merged_from_several": len(merged),
            "too_far_apart": len(apart) - len(disputed),
            "mixed_sub_event_types": sum(
                len({ev.sub_event_type for _, ev in g.members}) > 1 for g in merged),
            "date_disputed": len(disputed),
            "date_disputed_widest_gap_days": max(map(widest_gap, disputed), default=0),
            "date_disputed_listed": [_dispute_line(g) for g in shown],
            "date_disputed_with_a_blind_article": len(disputed) - len(shown)}


def _dispute_line(group: MergedEvent) -> str:
    dates = "; ".join(f"{Path(doc.path or doc.id).stem} "
                      f"{ev.date.start if ev.date else None}..{ev.date.end if ev.date else None}"
                      for doc, ev in group.members)
    return f"{group.event.sub_event_type} @ {group.place_name}: {dates}"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=here.parent / "shared" / "gold")
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None,
                        help="SQLite file keeping the gold texts' extractions between runs")
    parser.add_argument("--corpus-db", type=Path, default=None,
                        help="a store of ../shared/corpus to check merged events on")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(args.gold.glob("*.json")) if not p.name.startswith("_")}
    extractions = extract_all(args.gold, args.texts or args.gold.parent / "texts", args.cache)
    result: dict[str, Any] = {"gold": score(golds, extractions, args.verbose)}
    if args.corpus_db is not None:
        result["corpus"] = corpus_check(args.corpus_db)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=1))
    corpus = result.get("corpus", {})
    ok = (result["gold"]["clusters"]["f1"] >= 0.90 and not corpus.get("too_far_apart")
          and not corpus.get("mixed_sub_event_types"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
