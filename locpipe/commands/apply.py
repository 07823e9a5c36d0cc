"""``locpipe apply REVIEWED.(xlf|xlsx|csv)``: a translator's edited targets → final subtitles.

Targets go through fitting (line breaks, speaker dashes, reading speed) and
markup re-application; cue count and in-times never change. Rows that cannot
be matched and cues still over the profile's limits are reported; rows with
status ``ignore`` become reviewer decisions (``<stem>.locpipe-decisions.json``).
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("apply")
@click.argument("reviewed", type=click.Path(path_type=Path))
@click.option("--source", type=click.Path(path_type=Path), default=None,
              help="The subtitle file the sheet was made from (default: the path recorded in the sheet).")
@click.option("--lang", default=None, help="Target language to apply (needed when the sheet has several).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (default: <source stem>.<lang><ext> beside the reviewed file).")
@click.option("--profile", default=None, help="Layout profile (default: the one recorded in the sheet).")
@click.option("--tm", "tm_path", type=click.Path(path_type=Path), default=None,
              help="Translation memory that keeps signed-off rows (status ok/changed) for later runs "
                   "(default: models/tm.sqlite).")
@click.option("--no-tm", is_flag=True, help="Do not store signed-off rows in a translation memory.")
@click.option("--models-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of installed Argos packages (where the default translation memory lives).")
def apply_cmd(reviewed: Path, source: Path | None, lang: str | None, out: Path | None, profile: str | None,
              tm_path: Path | None, no_tm: bool, models_dir: Path | None) -> None:
    """Write final subtitles from a reviewed XLIFF, XLSX or CSV sheet."""
    from ..review.apply import apply_review

    tm: Path | bool | None = False if no_tm else tm_path
    for result in apply_review(reviewed, source=source, lang=lang, out=out, profile=profile, tm=tm,
                               models_dir=models_dir):
        if result.source_changed:
            click.echo(f"Note: {result.source} changed since the sheet was written; rows were matched by source text.")
        for message in result.unmatched:
            click.echo(f"unmatched: {message}")
        for f in result.over_limits:
            click.echo(f"{f.location()}: cue {(f.cue or 0) + 1}: {f.check}: {f.message}")
        for f in result.lost_markup:
            click.echo(f"{f.location()}: {f.check}: {f.message}")
        click.echo(f"wrote {result.out}")
        if result.tm_stored:
            click.echo(f"kept {result.tm_stored} signed-off sentences in the translation memory")
        if result.decisions_path is not None:
            click.echo(f"wrote {result.decisions_path} ({result.decisions_added} new decisions)")
        click.echo(
            f"Applied {result.applied} of {result.rows} rows ({result.lang}); {result.empty} without a target kept "
            f"the source; {len(result.unmatched)} unmatched; {len(result.over_limits)} over the limits."
        )
