"""Write samples/too_many_cooks.{srt,ass,txt,fountain} and its annotation file from scripts/film_script.py.

Usage: python scripts/make_samples.py [--check]

``--check`` regenerates in memory and fails if a committed sample differs (a test runs it), so
the three formats and the annotations can never drift apart.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from film_script import FILM, TITLE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
STEM = "too_many_cooks"
RUNS_ON = re.compile(r"(?:[^.?!…♪\]\)\"]|\.\.\.|…)$")


def plain(text: str) -> str:
    return re.sub(r"</?i>", "", text.removeprefix("SIGN:"))


MAX_CHARS = 42
_GLUE = {"a", "an", "the", "to", "of", "my", "your", "his", "her", "our", "their", "i", "and", "in", "on", "for"}


def break_line(line: str) -> str:
    """Break a line over MAX_CHARS in two: balanced, after punctuation, never after an article."""
    if len(line) <= MAX_CHARS:
        return line
    best: tuple[float, int] | None = None
    for i, ch in enumerate(line):
        if ch != " ":
            continue
        first, second = line[:i], line[i + 1 :]
        if len(first) > MAX_CHARS or len(second) > MAX_CHARS:
            continue
        score = max(len(first), len(second)) + (0 if first[-1] in ",.?!;:" else 12)
        score += 15 if first.split()[-1][:1].isupper() and second[:1].isupper() else 0
        score += 8 if first.split()[-1].lower() in _GLUE else 0
        score += 1 if len(first) > len(second) else 0
        if best is None or score < best[0]:
            best = (score, i)
    if best is None:
        raise SystemExit(f"cannot break into two lines of {MAX_CHARS}: {line!r}")
    return line[: best[1]] + "\n" + line[best[1] + 1 :]


def layout(text: str) -> str:
    """Apply the line limit to a cue's text (markup-free lines only; italics wrap whole lines)."""
    return "\n".join(break_line(ln) if "<i>" not in ln or ln.startswith("<i>") else ln for ln in text.split("\n"))


def timed_cues() -> list[dict]:
    cues: list[dict] = []
    t = 5000
    pending_scene = False
    for entry in FILM:
        if isinstance(entry, str):
            pending_scene = True
            continue
        speaker, text, flags = entry
        unbroken = text
        if not text.startswith("SIGN:"):
            text = layout(text)
        if cues:
            prev = cues[-1]
            gap = 3000 if pending_scene else (160 if prev["runs_on"] else 400 + (len(cues) * 137) % 700)
            t = prev["end"] + gap
        body = plain(text)
        duration = max(1300, min(6500, 900 + 62 * len(body)))
        if text.startswith("SIGN:"):
            duration = 3000
        duration = round(duration / 10) * 10
        cues.append(
            {
                "number": len(cues) + 1,
                "start": t,
                "end": t + duration,
                "speaker": speaker,
                "text": text,
                "unbroken": unbroken,
                "flags": flags,
                "scene_break": pending_scene,
                "runs_on": bool(RUNS_ON.search(body)) and not body.startswith(("[", "(", "SIGN:")),
            }
        )
        pending_scene = False
    return cues


def srt_time(ms: int) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def ass_time(ms: int) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, rem = divmod(rem, 1000)
    return f"{h:d}:{m:02d}:{s:02d}.{rem // 10:02d}"


def make_srt(cues: list[dict]) -> str:
    out = []
    for c in cues:
        text = c["text"]
        if text.startswith("SIGN:"):
            text = "{\\an8}" + text[5:]
        out.append(f"{c['number']}\n{srt_time(c['start'])} --> {srt_time(c['end'])}\n{text}\n")
    return "\n".join(out)


def karaoke(text: str) -> str:
    words = text.split(" ")
    return "".join(f"{{\\k{20 + 7 * len(w)}}}{w}" + (" " if i < len(words) - 1 else "") for i, w in enumerate(words))


def make_ass(cues: list[dict]) -> str:
    head = f"""[Script Info]
; Sample film for locpipe: original text, free to use (CC0).
Title: {TITLE}
ScriptType: v4.00+
WrapStyle: 0
ScaledBorderAndShadow: yes
PlayResX: 1920
PlayResY: 1080
YCbCr Matrix: TV.709

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,64,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,120,120,60,1
Style: Phone,Arial,64,&H00E0F0FF,&H000000FF,&H00000000,&H80000000,0,1,0,0,100,100,0,0,1,3,1,2,120,120,60,1
Style: Song,Georgia,64,&H0080FFFF,&H00FFFFFF,&H00000000,&H80000000,0,1,0,0,100,100,0,0,1,3,1,2,120,120,60,1
Style: Sign,Arial Black,56,&H0000D7FF,&H000000FF,&H00202020,&H00000000,1,0,0,0,100,100,2,0,1,2,0,8,60,60,80,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""
    lines = []
    lyric_seen = 0
    for c in cues:
        text = c["text"]
        style, layer, name = "Default", 0, c["speaker"]
        if text.startswith("SIGN:"):
            style, layer, name = "Sign", 1, ""
            text = "{\\an8\\pos(960,140)}" + text[5:]
        elif text.startswith("<i>") and text.endswith("</i>") and text.count("<i>") == 1:
            style, text = "Phone", text[3:-4]
        elif text.startswith("♪"):
            style = "Song"
            lyric_seen += 1
            if lyric_seen == 2:
                text = karaoke(text)
        if "/" in name:
            name = name.replace("/", " / ")
        text = text.replace("<i>", "{\\i1}").replace("</i>", "{\\i0}").replace("\n", "\\N")
        lines.append(
            f"Dialogue: {layer},{ass_time(c['start'])},{ass_time(c['end'])},{style},{name},0,0,0,,{text}"
        )
    return head + "\n".join(lines) + "\n"


def make_txt(cues: list[dict]) -> str:
    """One utterance per line, ``NAME: `` prefix; run-on cues joined; signs left out."""
    out: list[str] = []
    buffer: list[str] = []
    for c in cues:
        text = plain(c["text"])
        if c["text"].startswith("SIGN:"):
            continue
        if not c["speaker"]:
            out.append(text)
            continue
        if "/" in c["speaker"]:
            for who, line in zip(c["speaker"].split("/"), text.split("\n"), strict=True):
                out.append(f"{who}: {line.removeprefix('- ')}")
            continue
        buffer.append(text.replace("\n", " "))
        if not c["runs_on"]:
            out.append(f"{c['speaker']}: {' '.join(buffer)}")
            buffer = []
    return "\n".join(out) + "\n"


#: Screenplay-only additions, keyed by the cue text they belong to: parentheticals (evidence for the
#: detectors), notes, and the (V.O.)/(O.S.) extensions. The subtitles never show them.
PARENTHETICALS = {
    "Right, you lot. It's Burns Night, the telly's coming,": "in a thick Glasgow accent",
    "Aye, right.": "sarcastic",
    "It's Glaswegian for \"not a chance\".": "to Cody",
    "Well, I reckon she'll come round.": "in a Texan drawl",
    "It's not cake. It's haggis.": "deadpan",
    "I asked for the beans, not the whole darn farm.": "sarcastic",
    "Och, away and boil your head.": "in broad Scots",
    "So's my tongue, darling.": "sarcastically",
    "It's running, all right. It's running into the ground.": "dry",
    "Fine. I'll host your wee show.": "sighing",
    "Oh the tatties are boiling, the neeps are nae far": "singing",
}
NOTES_AFTER = {
    "It's Glaswegian for \"not a chance\".": "Aye, right: a double positive that means no. Keep the sarcasm.",
    "Only when it's listening.": "Running gag: Javier and Spanish meal times.",
}
ACTION_AFTER = {"Howdy, y'all! Cody Wade, Lone Star Pictures.": "CODY WADE (40s, Stetson, all teeth) strides in."}
OFF_SCREEN = {"Howdy, y'all! Cody Wade, Lone Star Pictures."}
#: a phone line that starts in Spanish: the parenthetical marks the language switch
IN_SPANISH = {"¡Hola! Can you hear me? The signal in Madrid is terrible.": ("¡Hola!", "Can you hear me? The signal in Madrid is terrible.")}
TRANSITIONS = {2: "CUT TO:", 4: "SMASH CUT TO:", 6: "DISSOLVE TO:", 7: "CUT TO:"}
SECTIONS = {1: ("# Act One", "= Burns Night. A Texan producer brings a cooking show to Morag's kitchen."),
            5: ("# Act Two", "= The star chef has cancelled; Morag is talked into hosting."),
            8: ("# Act Three", "= The shoot.")}


def _fountain_text(text: str) -> str:
    """Cue text as Fountain dialogue: the phone italics are the (V.O.) extension, a partial italic is *emphasis*."""
    body = text.replace("\n", " ")
    if body.startswith("<i>") and body.endswith("</i>") and body.count("<i>") == 1:
        body = body[3:-4]
    return body.replace("<i>", "*").replace("</i>", "*").replace("♪", "").strip()


def _action(text: str) -> str:
    """``[DOOR SLAMS]`` → ``Door slams.``"""
    body = text.strip("[]()").strip()
    return body[:1] + body[1:].lower() + "."


def make_fountain(cues: list[dict]) -> str:
    """The screenplay: the same lines as the subtitles, with a title page, scene headings,
    sections, synopses, parentheticals, extensions, dual dialogue, lyrics, notes and transitions."""
    out: list[str] = [
        f"Title: **{TITLE.upper()}**",
        "Credit: Written by",
        "Author: The locpipe contributors",
        "Source: Sample film for locpipe: original text, free to use (CC0)",
        "Draft date: 25 January",
        "Contact:",
        "    locpipe",
        "    samples/README.md",
        "",
    ]
    scenes = [e for e in FILM if isinstance(e, str)]
    scene_no = 0
    block: dict | None = None  # the open dialogue block: speaker, lines
    last_speaker = ""
    action_since = False

    def close() -> None:
        nonlocal block
        if block is not None:
            out.extend(block["lines"])
            out.append("")
            for note in block["notes"]:
                out.extend([f"[[{note}]]", ""])
            block = None

    def speak(speaker: str, extension: str = "") -> dict:
        nonlocal block, last_speaker, action_since
        if block is not None and block["speaker"] == speaker and not extension:
            return block
        close()
        cont = " (CONT'D)" if speaker == last_speaker and action_since and not extension else ""
        block = {"speaker": speaker, "lines": [speaker + extension + cont], "notes": [], "text": False}
        last_speaker, action_since = speaker, False
        return block

    cue_iter = iter(cues)
    for entry in FILM:
        if isinstance(entry, str):
            close()
            scene_no += 1
            if scene_no in TRANSITIONS:
                out.extend([TRANSITIONS[scene_no], ""])
            if scene_no in SECTIONS:
                section, synopsis = SECTIONS[scene_no]
                out.extend([section, "", synopsis, ""])
            out.extend([scenes[scene_no - 1].removeprefix("SCENE "), ""])
            last_speaker, action_since = "", False
            continue
        c = next(cue_iter)
        speaker, text = c["speaker"], c["unbroken"]
        if not speaker:
            close()
            if text.startswith("SIGN:"):
                sign = text.removeprefix("SIGN:")
                out.extend([f"> {sign} <" if sign == "THE END" else f"A sign: {sign}.", ""])
            else:
                out.extend([_action(text), ""])
            action_since = True
            continue
        if "/" in speaker:  # two speakers at once: dual dialogue
            close()
            for k, (who, line) in enumerate(zip(speaker.split("/"), text.split("\n"), strict=True)):
                out.extend([who + (" ^" if k else ""), line.removeprefix("- "), ""])
            last_speaker = speaker.split("/")[-1]
            continue
        plain_text = plain(text).replace("♪", "").strip()
        if plain_text in IN_SPANISH:
            b = speak(speaker, " (V.O.)")
            spanish, english = IN_SPANISH[plain_text]
            b["lines"] += ["(in Spanish)", spanish, "(in English)", english]
            b["text"] = True
            continue
        phone = text.startswith("<i>") and text.endswith("</i>") and text.count("<i>") == 1
        extension = " (V.O.)" if phone else (" (O.S.)" if plain_text in OFF_SCREEN else "")
        b = speak(speaker, extension)
        direction = PARENTHETICALS.get(plain_text)
        if direction:
            b["lines"].append(f"({direction})")
            b["text"] = False
        if text.startswith("♪"):
            b["lines"].append("~" + _fountain_text(text))
        elif b["text"] and not b["lines"][-1].startswith("~"):
            b["lines"][-1] += " " + _fountain_text(text)
        else:
            b["lines"].append(_fountain_text(text))
        b["text"] = not text.startswith("♪")
        if plain_text in NOTES_AFTER:
            b["notes"].append(NOTES_AFTER[plain_text])
        if plain_text in ACTION_AFTER:
            close()
            out.extend([ACTION_AFTER[plain_text], ""])
            action_since = True
    close()
    out.extend(["> FADE OUT.", "", "==="])
    return "\n".join(out) + "\n"


def make_annotations(cues: list[dict]) -> str:
    flags = []
    for c in cues:
        body = plain(c["text"])
        for flag in c["flags"]:
            kind, text, *rest = flag
            if text not in body.replace("\n", " "):
                raise SystemExit(f"cue {c['number']}: annotated text {text!r} not in {body!r}")
            item = {"cue": c["number"], "kind": kind, "text": text}
            if "literal" in rest:
                item["literal"] = True
            flags.append(item)
    doc = {
        "film": TITLE,
        "about": "Flags a translator would expect, per cue of too_many_cooks.srt (1-based cue numbers). "
        "kind is a locpipe flag kind; text is the span as it appears in the cue; literal marks an "
        "idiom used in its literal sense (expected with lowered confidence).",
        "files": ["too_many_cooks.srt", "too_many_cooks.ass", "too_many_cooks.txt"],
        "cues": len(cues),
        "flags": flags,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def outputs() -> dict[str, str]:
    cues = timed_cues()
    return {
        f"{STEM}.srt": make_srt(cues),
        f"{STEM}.ass": make_ass(cues),
        f"{STEM}.txt": make_txt(cues),
        f"{STEM}.fountain": make_fountain(cues),
        f"{STEM}.annotations.json": make_annotations(cues),
    }


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, text in outputs().items():
        path = SAMPLES / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run python scripts/make_samples.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
