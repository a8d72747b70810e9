#!/usr/bin/python3
"""Helpers for the Qt Linguist catalogues of Vigil (docs/TRANSLATIONS.md).

  ts_tool.py check --reference-dir DIR TS...  every message translated (no "unfinished", "vanished" or
                                              "obsolete"), and TS (fresh from lupdate) holds exactly the
                                              messages of DIR's committed copy: exit 1 with the list if not
  ts_tool.py pseudo TEMPLATE.ts OUT.ts        pseudo-localised catalogue: accented letters, 40 % longer,
                                              in brackets, placeholders (%1, %n, %L1) kept
  ts_tool.py apply TS JSON                    fill translations from {"context": {"source": "text"}}
                                              ("*" as context: any context); prints what is left
  ts_tool.py stats TS...                      messages, finished and unfinished per file
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree


def messages(tree):
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            yield name, msg


def key(name, msg):
    return (name, msg.findtext("source"), msg.findtext("comment") or "")


def write(tree, path):
    # lupdate's own layout (DOCTYPE and 4-space indentation) so a later lupdate run changes nothing.
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(body)
        f.write("\n")


def unfinished(msg):
    tr = msg.find("translation")
    if tr is None:
        return True
    if tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if msg.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (tr.text or "").strip()


def cmd_check(args):
    ref_dir = args[args.index("--reference-dir") + 1]
    files = [a for i, a in enumerate(args) if a != "--reference-dir" and (i == 0 or args[i - 1] != "--reference-dir")]
    problems = []
    for path in files:
        lang = os.path.basename(path)
        fresh = {key(n, m): m for n, m in messages(load(path))}
        ref = {key(n, m): m for n, m in messages(load(os.path.join(ref_dir, lang)))}
        for k, m in fresh.items():
            if unfinished(m):
                state = "new in the sources" if k not in ref else "not translated"
                problems.append(f"{lang}: [{k[0]}] {k[1]!r}: {state}")
        for k in ref:
            if k not in fresh:
                problems.append(f"{lang}: [{k[0]}] {k[1]!r}: vanished from the sources")
    if problems:
        print("\n".join(problems))
        print(f"translations: {len(problems)} problems; run scripts/update-translations.sh, translate the "
              "unfinished entries, commit translations/*.ts (docs/TRANSLATIONS.md)")
        return 1
    print(f"translations: complete ({', '.join(os.path.basename(f) for f in files)})")
    return 0


ACCENTS = str.maketrans("aceinouyACEINOUY", "áçéîñöûýÁÇÉÎÑÖÛÝ")
PLACEHOLDER = re.compile(r"(%L?\d+|%n|&[a-z]+;|<[^>]*>|\\u[0-9a-fA-F]{4})")


def pseudo(text):
    parts = PLACEHOLDER.split(text)
    out = []
    letters = 0
    for i, p in enumerate(parts):
        if i % 2 == 1:
            out.append(p)
        else:
            out.append(p.translate(ACCENTS))
            letters += len(p)
    pad = "~" * max(1, round(letters * 0.4))
    return "[" + "".join(out) + pad + "]"


def cmd_pseudo(args):
    template, out = args
    tree = load(template)
    root = tree.getroot()
    root.set("language", "eo")  # a locale no station uses: Qt needs a language code for the catalogue
    root.attrib.pop("sourcelanguage", None)
    for _, msg in messages(tree):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            for f in list(tr):
                tr.remove(f)
            tr.text = None
            f = ET.SubElement(tr, "numerusform")
            f.text = pseudo(src)
        else:
            tr.text = pseudo(src)
    write(tree, out)
    return 0


def cmd_apply(args):
    path, table_path = args
    with open(table_path, encoding="utf-8") as f:
        table = json.load(f)
    anywhere = table.get("*", {})
    tree = load(path)
    left = []
    for name, msg in messages(tree):
        src = msg.findtext("source")
        text = table.get(name, {}).get(src, anywhere.get(src))
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if text is None:
            if unfinished(msg):
                left.append(f"[{name}] {src!r}")
            continue
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            for f in list(tr):
                tr.remove(f)
            tr.text = None
            forms = text if isinstance(text, list) else [text, text]
            for t in forms:
                ET.SubElement(tr, "numerusform").text = t
        else:
            tr.text = text
    write(tree, path)
    for l in left:
        print(l)
    print(f"{os.path.basename(path)}: {len(left)} left", file=sys.stderr)
    return 0


def cmd_stats(args):
    for path in args:
        ms = [m for _, m in messages(load(path))]
        un = sum(1 for m in ms if unfinished(m))
        print(f"{os.path.basename(path)}: {len(ms)} messages, {len(ms) - un} finished, {un} unfinished")
    return 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    cmd, args = sys.argv[1], sys.argv[2:]
    return {"check": cmd_check, "pseudo": cmd_pseudo, "apply": cmd_apply, "stats": cmd_stats}[cmd](args)


if __name__ == "__main__":
    sys.exit(main())
