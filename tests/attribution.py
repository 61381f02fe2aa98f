#!/usr/bin/env python3
"""attribution.py: what tests/t_attribution.sh checks, over every rule's bad
fixtures (and the shared corpus for the position checks).

  owners   every finding inside a resource, parameter or output names it
           (JSON `resource`); a finding in handler code names its function
  suppress a copy of the fixture where each resource that has findings gets
           `Metadata: {samlint: {ignore: [SLnnn]}}` has none of them left
  spans    no finding ends before it starts or past the end of its resource,
           and none has an empty span where there is text to cover
  places   no rule reports two findings at one file, line and column

Prints one line per check: "ok NAME" or "not ok NAME: DETAIL".
"""
import glob
import json
import os
import shutil
import subprocess
import sys

import yaml

SAMLINT = os.environ["SAMLINT"]
ROOT = os.environ["ROOT"]
TMP = os.environ["TMP"]


class TagLoader(yaml.SafeLoader):
    """compose() keeps CloudFormation's tags as they are."""


def lint(path, rule, cwd):
    args = [SAMLINT, "--format", "json", "--fail-on", "never", "--no-excerpt"]
    if rule:
        args += ["--select", rule]
    out = subprocess.run(args + [path], cwd=cwd, capture_output=True, text=True, errors="replace")
    return json.loads(out.stdout)["findings"]


def compose(text):
    try:
        return yaml.compose(text, Loader=TagLoader)
    except yaml.YAMLError:
        return None


def entries(root):
    """(section, id, key node, value node) of each resource, parameter, output."""
    if not isinstance(root, yaml.MappingNode):
        return []
    found = []
    for k, v in root.value:
        if k.value in ("Resources", "Parameters", "Outputs") and isinstance(v, yaml.MappingNode):
            for rk, rv in v.value:
                if isinstance(rk, yaml.ScalarNode):
                    found.append((k.value, rk.value, rk, rv))
    return found


def pos(mark):
    return (mark.line + 1, mark.column + 1)


def owner_at(ents, line, col):
    for section, rid, k, v in ents:
        if pos(k.start_mark) <= (line, col) < pos(v.end_mark):
            return section, rid, v
    return None


def insert_suppression(text, ents, ids, rule):
    """The text with a Metadata suppression of `rule` in each resource of `ids`;
    None when one of them cannot take one (then the fixture is not judged)."""
    edits = []
    for section, rid, k, v in ents:
        if section != "Resources" or rid not in ids:
            continue
        if not isinstance(v, yaml.MappingNode):
            return None
        meta = next((mv for mk, mv in v.value if mk.value == "Metadata"), None)
        entry = '"samlint": {"ignore": ["%s"]}' % rule
        if meta is None:
            holder, entry = v, '"Metadata": {%s}' % entry
        elif isinstance(meta, yaml.MappingNode) and not any(mk.value == "samlint" for mk, _ in meta.value):
            holder = meta
        else:
            return None
        if holder.flow_style or not holder.value:
            brace = holder.start_mark.index
            if text[brace] != "{":
                return None
            edits.append((brace + 1, entry + (", " if holder.value else "")))
        else:
            first = holder.value[0][0].start_mark
            line_start = first.index - first.column
            if text[line_start:first.index].strip():
                return None  # the first key does not begin its line
            edits.append((line_start, " " * first.column + entry.replace('"', "") + "\n"))
    for at, s in sorted(edits, reverse=True):
        text = text[:at] + s + text[at:]
    return text


def bad_fixtures():
    for d in sorted(glob.glob(os.path.join(ROOT, "fixtures", "SL[0-9][0-9][0-9]"))):
        rule = os.path.basename(d)
        cases = []
        for ext in ("yaml", "yml", "json"):
            cases += [(p, False) for p in glob.glob(os.path.join(d, "*." + ext))]
            cases += [(p, True) for p in glob.glob(os.path.join(d, "*", "template." + ext))]
        for path, in_dir in sorted(cases):
            if os.path.exists(os.path.splitext(path)[0] + ".expect"):
                yield rule, path, in_dir


LINES = {}


def char_at(path, line, col):
    """The character at 1-based line and column (in characters), or ''."""
    if path not in LINES:
        try:
            with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                LINES[path] = fh.read().splitlines()
        except OSError:
            LINES[path] = []
    lines = LINES[path]
    if not 1 <= line <= len(lines) or not 1 <= col <= len(lines[line - 1]):
        return ""
    return lines[line - 1][col - 1]


def check_spans(findings, ents_of, problems):
    for f in findings:
        where = "%s:%d:%d %s" % (os.path.relpath(f["file"], ROOT), f["line"], f["column"], f["rule"])
        start, end = (f["line"], f["column"]), (f["end_line"], f["end_column"])
        if end < start:
            problems.append("%s ends at %d:%d, before it starts" % (where, *end))
            continue
        # A finding at text (a key, a value, a name in code) covers it: an
        # empty span is allowed only where there is nothing to cover.
        if end == start and char_at(f["file"], *start).strip():
            problems.append("%s has an empty span at %r" % (where, char_at(f["file"], *start)))
            continue
        ents = ents_of(f["file"])
        hit = owner_at(ents, *start) if ents else None
        if hit and end > pos(hit[2].end_mark):
            problems.append("%s ends at %d:%d, past its resource '%s' (%d:%d)" % (where, *end, hit[1], *pos(hit[2].end_mark)))
            continue
        # A block collection's end mark is the next key: a finding must not
        # run onto the line of the entry after its own.
        later = [pos(k.start_mark) for _, _, k, _ in ents if pos(k.start_mark) > start]
        if hit and later and end[0] >= min(later)[0] > start[0]:
            problems.append("%s ends at %d:%d, on the line of the next entry (%d:%d)" % (where, *end, *min(later)))


def check_places(findings, problems):
    seen = {}
    for f in findings:
        key = (f["file"], f["line"], f["column"], f["rule"])
        if key in seen:
            problems.append("%s:%d:%d %s twice: '%s' and '%s'" % (os.path.relpath(f["file"], ROOT), f["line"], f["column"],
                                                                  f["rule"], seen[key][:80], f["message"][:80]))
        seen[key] = f["message"]


def report(name, problems, judged=None):
    label = name if judged is None else "%s (%s)" % (name, judged)
    if problems:
        print("not ok %s: %d problems: %s" % (label, len(problems), " | ".join(problems[:6])))
    else:
        print("ok " + label)


def main():
    owners, suppress, spans, places = [], [], [], []
    judged = unjudged = 0
    texts = {}

    def ents_of(path):
        if path not in texts:
            try:
                texts[path] = entries(compose(open(path, encoding="utf-8").read()))
            except (OSError, UnicodeDecodeError):
                texts[path] = []
        return texts[path]

    for rule, path, in_dir in bad_fixtures():
        rel = os.path.relpath(path, ROOT)
        cwd = os.path.dirname(path)
        findings = lint(os.path.basename(path), rule, cwd)
        for f in findings:
            f["file"] = os.path.normpath(os.path.join(cwd, f["file"]))
        check_spans(findings, ents_of, spans)
        check_places(findings, places)
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError:
            unjudged += 1
            continue
        root = compose(text)
        if root is None:  # a syntax error: no Metadata can be read
            unjudged += 1
            continue
        ents = entries(root)
        ids = set()
        for f in findings:
            if f["rule"] != rule:
                continue
            if f["file"] == path:
                hit = owner_at(ents, f["line"], f["column"])
                # A finding may name another resource it is about (SL307 at the
                # bucket names the function it triggers), never none. A
                # logical id that looks like an access key is masked.
                known = {r for _, r, _, _ in ents}
                named = f["resource"]
                if named and named.endswith("****"):
                    named = next((r for r in known if r.startswith(named.rstrip("*"))), named)
                if hit and named not in known:
                    owners.append("%s:%d:%d %s names %r, not %r" % (rel, f["line"], f["column"], rule, f["resource"], hit[1]))
            elif not f["resource"]:
                owners.append("%s: %s finding in %s names no function" % (rel, rule, os.path.relpath(f["file"], cwd)))
            if f["resource"] and any(s == "Resources" and r == f["resource"] for s, r, _, _ in ents):
                ids.add(f["resource"])
        if not ids:
            continue
        variant = insert_suppression(text, ents, ids, rule)
        if variant is None:
            unjudged += 1
            continue
        judged += 1
        work = os.path.join(TMP, "attr", rule, os.path.relpath(os.path.dirname(path) if in_dir else path, ROOT).replace(os.sep, "_"))
        if os.path.exists(work):
            shutil.rmtree(work)
        if in_dir:
            shutil.copytree(os.path.dirname(path), work, symlinks=True)
        else:
            os.makedirs(work)
        target = os.path.join(work, os.path.basename(path))
        with open(target, "w", encoding="utf-8") as out:
            out.write(variant)
        left = [f for f in lint(os.path.basename(target), rule, work) if f["rule"] == rule and f["resource"] in ids]
        for f in left:
            suppress.append("%s:%d:%d %s of %s survives its Metadata suppression" % (rel, f["line"], f["column"], rule, f["resource"]))

    report("attribution: every finding names the resource it lies in", owners)
    report("attribution: a resource's Metadata suppression silences each of its findings", suppress,
           "%d bad fixtures judged, %d without a tree or a place for Metadata" % (judged, unjudged))
    report("spans: fixture findings end after they start, inside their resource", spans)
    report("places: no rule reports twice at one place in the fixtures", places)

    corpus = os.environ.get("CORPUS")
    if corpus:
        findings = lint(corpus, "all" if "--select-all" in sys.argv else None, ROOT)
        for f in findings:
            f["file"] = os.path.normpath(os.path.join(ROOT, f["file"]))
        c_places, c_spans = [], []
        check_places(findings, c_places)
        check_spans(findings, ents_of, c_spans)
        report("places: no rule reports twice at one place in the corpus", c_places, "%d findings" % len(findings))
        report("spans: corpus findings end after they start, inside their resource", c_spans)
    else:
        print("skip places and spans over the corpus: ../shared/corpus is absent")


if __name__ == "__main__":
    main()
