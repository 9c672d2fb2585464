"""`sitrep eval`: score the pipeline against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from sitrep.eval.baseline import improvements, load_baseline, regressions, write_baseline
from sitrep.eval.harness import PARTS, Report, evaluate


@click.command("eval")
@click.option("--gold", "gold_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold annotations (<id>.json), e.g. ../shared/gold.")
@click.option("--texts", "texts_dir", type=click.Path(exists=True, file_okay=False,
              path_type=Path), help="Folder of the texts (<id>.txt); default GOLD/../texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--update-baseline", is_flag=True,
              help="Pin these figures as the quality gate's baseline (needs --reason).")
@click.option("--reason", help="Why the baseline changes (stored with it).")
def command(gold_dir: Path, texts_dir: Path | None, as_json: bool, update_baseline: bool,
            reason: str | None) -> None:
    """Score events, places and control against gold annotations (GOLD.md's rules)."""
    if update_baseline and not reason:
        raise click.UsageError("--update-baseline needs --reason")
    report = evaluate(gold_dir, texts_dir)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        _print(report)
    if update_baseline and reason:
        click.echo(f"baseline written to {write_baseline(report, reason)}", err=True)
        return
    baseline = load_baseline()
    for line in regressions(report, baseline):
        click.echo(f"below baseline: {line}", err=True)
    for line in improvements(report, baseline):
        click.echo(f"above baseline: {line} (raise it with --update-baseline)", err=True)


def _print(report: Report) -> None:
    console = Console()
    table = Table(title="Per document (dev part; the blind part's errors are not shown)")
    for column in ("doc", "tp", "fp", "fn", "P", "R", "F1", "ctrl F1", "places@25"):
        table.add_column(column, justify="right")
    for name, counts in report.dev_documents().items():
        m = counts.metrics()
        table.add_row(name, str(counts.tp), str(counts.fp), str(counts.fn),
                      *(f"{m[k]:.2f}" for k in ("event_precision", "event_recall", "event_f1",
                                                "control_f1", "places_acc_25km")))
    console.print(table)
    sizes = {"all": len(report.documents), "blind": len(report.blind & report.documents.keys()),
             "outside_myanmar": len(report.outside_myanmar)}
    sizes["dev"] = sizes["all"] - sizes["blind"]
    summary = Table(title=f"Corpus ({len(report.documents)} documents, {report.seconds:.1f} s)")
    summary.add_column("figure")
    parts = {name: report.part_metrics(name) for name in PARTS}
    for name in PARTS:
        summary.add_column(f"{name} ({sizes[name]})", justify="right")
    for figure in parts["all"]:
        summary.add_row(figure, *(f"{parts[name][figure]:.4f}" for name in PARTS))
    console.print(summary)
    console.print("planned/threatened/rumoured gold events asserted as fact: " + ", ".join(
        f"{name} {report.part(name).negatives_asserted} of {report.part(name).negatives}"
        for name in PARTS))
