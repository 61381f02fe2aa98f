#!/usr/bin/env python3
"""Differential of samlint's SL6xx rules against cfn-lint on the shared corpus.

    tools/differential.py [--samlint ./samlint] [--shared ../shared] MODE

Modes (several may be given; the default is --table --only --sam-errors):
  --table        per samlint rule: how many of the mapped cfn-lint findings
                 samlint also reports, and the percentage; then every mapped
                 cfn-lint finding samlint misses
  --only         every SL6xx finding of samlint that cfn-lint does not share
  --sam-errors   the SAM translator's error_* inputs (which SAM rejects): how
                 many raise an SL6xx finding, and where
  --sample N     N samlint-only SL6xx findings drawn at random (--seed S,
                 default 1, reproducible), each with its source lines, for
                 review by hand

cfn-lint's results are reference data
(../shared/peers/cfn-lint-1.51.5-dev-corpus.tsv, see its README): they are
read to compare positions and meanings, never copied into samlint.

Matching. A cfn-lint finding is mapped to one samlint rule (MAP below, per
cfn-lint rule and, where one cfn-lint rule covers several meanings, per
message). samlint "finds" it when, in the same file, a finding of that rule
(or of an equivalent one the map names) is
  1. at the same line; or
  2. at any line of the same resource (cfn-lint reports problems inside a SAM
     resource at the resource's first line, samlint at the key or value), and
     it names the same property or value when cfn-lint's message names one;
  3. for a finding inside an AWS::Serverless::* resource, in the Globals
     section naming the same property (cfn-lint reports a Globals problem at
     each function, samlint once at the Globals value);
  4. for E0001 (SAM's transform failed: cfn-lint reports one finding at 1:1
     and nothing else for the file), in the resource the message names
     ("Resource with id [X]"), by meaning (the message is classified by
     E0001_MEANINGS; a message that names no schema problem is not mapped);
  5. when cfn-lint's line is in no resource or other entry (it reports some
     problems of a transformed SAM template at 1:1 or at the Resources line),
     anywhere in the file, naming the same name.
A samlint SL6xx finding is samlint-only when no mapped cfn-lint finding
matched it and no other cfn-lint error sits at the same file and line (those
are listed apart, as shared with an unmapped cfn-lint rule).

Where cfn-lint is wrong (reviewed by hand: see CFNLINT_WRONG), or judges a
file that is not CloudFormation input as it stands (a macro named in
Transform rewrites the whole template first; a Rain directive is replaced by
`rain pkg`: samlint judges neither), its findings are still counted, and a
second percentage leaves them out.
"""

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
from collections import defaultdict

# ---------------------------------------------------------------------------
# The map: cfn-lint rule -> samlint rule(s), by meaning.
#
# Each entry: (cfn-lint rule, message regex or None, primary SL rule,
# accepted SL rules, scope). The first entry whose rule and regex match wins.
# scope "resource": same line, same resource or Globals (see above);
# scope "file": any accepted finding in the same file (a missing Transform:
# one cause, reported by samlint once per resource, by cfn-lint as several).
#
# Meanings of cfn-lint 1.x rules (its docs/rules.md):
#   E0001 template transform error (SAM) ........ by message, E0001_MEANINGS
#   E1001 top-level template structure .......... SL609 ('Globals' without a
#         Transform is the missing Transform: SL601 anywhere in the file)
#   E1010 Fn::GetAtt ............................ SL608 for an unknown
#         attribute ("... in ['us-east-1']"), SL004 for an unknown resource
#   E1012 / E1020 Ref to something undefined .... SL004
#   E2001 parameter structure, E2002 parameter Type ...... SL609
#   E2531 / E2533 deprecated Lambda runtime ..... SL205 (not SL6xx: listed
#         in the table for completeness, excluded from the SL6xx total)
#   E3001 resource-level structure .............. SL602 (unexpected key),
#         SL604 (attribute of the wrong type), SL603 ('Type' missing),
#         SL609/SL602 (logical id not alphanumeric)
#   E3002 property structure .................... SL602 (unexpected key),
#         SL605 (a value not in its 'format': ipv4-network, date-time)
#   E3003 required property ..................... SL603
#   E3005 DependsOn to something undefined ...... SL004
#   E3006 resource type unknown in the region ... SL601
#   E3012 value type ............................ SL604
#   E3014 exactly one of (requiredXor / oneOf) .. SL607
#   E3015 dependentExcluded ..................... SL607
#   E3016 UpdatePolicy structure ................ SL602/SL604/SL605
#   E3017 anyOf / at least one of ............... SL607 (a value valid under
#         none of several string formats is SL605: either is accepted)
#   E3018 oneOf ................................. SL607 (or SL604 when the
#         value has the wrong shape under every branch)
#   E3019 unique primary identifiers across resources: no SL6xx rule judges
#         this (not a schema property of one resource): not mapped
#   E3020 dependentExcluded / not ............... SL607
#   E3030 enum .................................. SL605 (a null value,
#         "None is not one of", is SL604 in samlint, or SL603 when the
#         key is required: both accepted)
#   E3031 pattern ............................... SL605
#   E3032 minItems / maxItems ................... SL605
#   E3033 minLength / maxLength ................. SL605
#   E3034 minimum / maximum ..................... SL605
#   E3035 DeletionPolicy, E3036 UpdateReplacePolicy value ... SL605 (SL604
#         for an intrinsic function there)
#   E3037 uniqueItems ........................... SL605
#   E3038 AWS::Serverless::* without Transform .. SL601
#   E6xxx outputs ............................... SL609 (an output Ref or
#         GetAtt naming something undefined is SL004, an unknown attribute
#         SL608)
#   E7xxx mappings, E8xxx conditions ............ SL609
# ---------------------------------------------------------------------------
UNKNOWN_ATTR = r" in \['[a-z0-9-]+'(, '[a-z0-9-]+')*\]$"
MAP = [
    ("E1001", r"'Globals' was unexpected", "SL601", {"SL601", "SL609"}, "file"),
    ("E1001", None, "SL609", {"SL609"}, "resource"),
    ("E1010", UNKNOWN_ATTR, "SL608", {"SL608"}, "resource"),
    ("E1010", None, "SL004", {"SL004"}, "resource"),
    ("E1012", None, "SL004", {"SL004"}, "resource"),
    ("E1020", None, "SL004", {"SL004"}, "resource"),
    ("E2001", None, "SL609", {"SL609"}, "resource"),
    ("E2002", None, "SL609", {"SL609"}, "resource"),
    ("E2531", None, "SL205", {"SL205"}, "resource"),
    ("E2533", None, "SL205", {"SL205"}, "resource"),
    ("E2", None, "SL609", {"SL609"}, "resource"),
    ("E3001", r"was unexpected", "SL602", {"SL602"}, "resource"),
    ("E3001", r"is not of type", "SL604", {"SL604"}, "resource"),
    ("E3001", r"is a required property", "SL603", {"SL603"}, "resource"),
    ("E3001", r"does not match any of the regexes", "SL609", {"SL609", "SL602"}, "resource"),
    ("E3001", None, "SL602", {"SL602", "SL604"}, "resource"),
    ("E3002", r"was unexpected", "SL602", {"SL602"}, "resource"),
    ("E3002", r"is not a '", "SL605", {"SL605"}, "resource"),
    ("E3002", None, "SL602", {"SL602", "SL604", "SL605"}, "resource"),
    ("E3003", None, "SL603", {"SL603"}, "resource"),
    ("E3005", None, "SL004", {"SL004"}, "resource"),
    ("E3006", None, "SL601", {"SL601"}, "resource"),
    ("E3012", None, "SL604", {"SL604"}, "resource"),
    ("E3014", None, "SL607", {"SL607"}, "resource"),
    ("E3015", None, "SL607", {"SL607"}, "resource"),
    ("E3016", None, "SL602", {"SL602", "SL604", "SL605"}, "resource"),
    ("E3017", None, "SL607", {"SL607", "SL605"}, "resource"),
    ("E3018", None, "SL607", {"SL607", "SL604"}, "resource"),
    ("E3020", None, "SL607", {"SL607"}, "resource"),
    ("E3030", None, "SL605", {"SL605"}, "resource"),
    ("E3031", None, "SL605", {"SL605"}, "resource"),
    ("E3032", None, "SL605", {"SL605"}, "resource"),
    ("E3033", None, "SL605", {"SL605"}, "resource"),
    ("E3034", None, "SL605", {"SL605"}, "resource"),
    ("E3035", None, "SL605", {"SL605", "SL604"}, "resource"),
    ("E3036", None, "SL605", {"SL605", "SL604"}, "resource"),
    ("E3037", None, "SL605", {"SL605"}, "resource"),
    ("E3038", None, "SL601", {"SL601"}, "resource"),
    ("E6", r"^'[^']*' is not one of \[" + r"(?!.*" + UNKNOWN_ATTR + ")", "SL004", {"SL004"}, "resource"),
    ("E6", UNKNOWN_ATTR, "SL608", {"SL608"}, "resource"),
    ("E6", None, "SL609", {"SL609"}, "resource"),
    ("E7", None, "SL609", {"SL609"}, "resource"),
    ("E8", None, "SL609", {"SL609"}, "resource"),
]

# The cfn-lint rules the issue asks to be mapped (the goal is counted on
# these); the others in MAP are shown beside them.
CORE = re.compile(r"^(E3001|E3002|E3003|E3006|E3012|E301[4-9]|E3020|E303[0-4]|E1010|E1001|E2\d{3}|E6\d{3})$")

# E0001 (SAM transform failed): meaning of the message -> accepted rules.
E0001_MEANINGS = [
    (r"is required|Missing required property|must be (set|defined)(?! if)", "SL603", {"SL603", "SL607"}),
    (r"must be defined if", "SL607", {"SL607", "SL603"}),
    (r"not defined for resource of type|is an invalid property|is not a supported property|"
     r"Property '[^']*\.(NotSupposedToBeHere|InvalidProperty)' is invalid", "SL602", {"SL602"}),
    (r"should be a (map|string|boolean|list|dictionary)|value must be|is not a string|Type of property", "SL604", {"SL604"}),
    (r"cannot both be specified|Cannot specify .* together|cannot be defined (at the same time|with other)|"
     r"has more than one|One of '[^']*' or '[^']*' must be set", "SL607", {"SL607"}),
    (r"The only valid values for|Property '[^']*' is invalid", "SL605", {"SL605", "SL604", "SL607", "SL602"}),
]

# cfn-lint findings reviewed by hand and judged wrong (cfn-lint rule, message
# regex, path regex or None, why). They stay in the counts; the table prints
# a second percentage without them.
CFNLINT_WRONG = [
    ("E3001", r"'Connectors' was unexpected", None,
     "SAM's embedded connectors: 'Connectors' is a SAM resource attribute on any resource of a "
     "template with the SAM Transform (SAM developer guide, 'Embedded connectors'); SAM translates "
     "these inputs"),
    ("E3001", r"'IgnoreGlobals' was unexpected", r"/function_with_ignore_globals\.yaml$",
     "SAM's IgnoreGlobals resource attribute (SAM developer guide, Globals section); SAM translates "
     "this input"),
    ("E1020", r"^'\w+\.(DestinationTopic|DestinationQueue)' is not one of", None,
     "a SAM resource reference (<Fn>.DestinationTopic: the topic SAM makes for an EventInvokeConfig "
     "destination); SAM translates this input"),
    ("E6101", r"^'MyStateMachine(PostApi|GetApi|CWSchedule)(Role)?' is not one of", r"/state_machine_with_(api_combination|schedule_cloudwatch_event)",
     "a name SAM generates for a state machine's event (<StateMachine><Event> rule, <StateMachine><Event>Role); "
     "cfn-lint checks Outputs against the resources of the template before the transform"),
    ("E3005", r"^'MyQueueMyConnector(Policy)?' is not one of", r"/embedded_connectors_(depends_on_connector|esm_depends_on)\.yaml$",
     "names SAM makes for an embedded connector (<Resource><Connector>, whose DependsOn SAM rewrites to "
     "what it makes, and <Resource><Connector>Policy); SAM translates these inputs"),
    ("E3001", r"^Exception ", None, "cfn-lint's own crash (an exception inside the rule), not a finding"),
    ("E3006", r"", r"/MacrosExamples/(Boto3|S3Objects)/",
     "the template's Transform names a macro (Boto3, S3Objects) that defines this type and rewrites "
     "the template before CloudFormation validates it"),
    ("E3001", r"'Mode' was unexpected", r"/MacrosExamples/Boto3/",
     "a resource attribute of the Boto3 macro's own type, consumed by the macro"),
    ("E6101", r"^'\w+\.(Alias|Version|Stage|Deployment|DomainName|DomainNameV2|UsagePlan|UsagePlanKey|ApiKey|DestinationTopic|DestinationQueue)' is not one of", None,
     "a SAM resource reference (<Fn>.Alias, <Api>.Stage, ...): SAM resolves it (SAM developer guide, "
     "'Referencing AWS SAM generated resources'); SAM translates these inputs"),
    ("E3002", r"is not a 'ipv4-network'$", r"/(security_group/|ECS/ECS_Schedule_Example\.)",
     "a security group rule's CidrIp with host bits set: EC2 canonicalizes it (100.68.0.18/18 becomes "
     "100.68.0.0/18: EC2 API reference, SecurityGroupRuleRequest) and creates the rule"),
]


def die(msg):
    print("differential: " + msg, file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------
# Where each resource and the Globals section sit in a template, by a light
# scan of the text (YAML block style and JSON; a file it cannot read gives no
# spans, and only same-line matches count there).
# ---------------------------------------------------------------------------
class Layout:
    def __init__(self):
        self.spans = []          # (first, last, name, type) of each resource
        self.globals = None      # (first, last) of Globals
        self.transform = False
        self.transforms = []     # the names in a top-level Transform
        self.rain = False        # the text has Rain directives
        self.rain_module = False # ... and uses Rain modules (they add resources)
        self.lines = []

    def resource_at(self, line):
        for first, last, name, rtype in self.spans:
            if first <= line <= last:
                return name, rtype
        return None, None

    def span_of(self, name):
        for first, last, n, rtype in self.spans:
            if n == name:
                return first, last
        return None

    def in_globals(self, line):
        return self.globals is not None and self.globals[0] <= line <= self.globals[1]


# The sections whose entries are matched like resources (an entry of another
# section than Resources is named "Section/Entry").
SECTIONS = ("Resources", "Parameters", "Outputs", "Mappings", "Conditions", "Rules")


def entry_name(section, name):
    return name if section == "Resources" else section + "/" + name


TOP_KEY = re.compile(r"""^(['"]?)([A-Za-z][A-Za-z0-9]*)\1\s*:(\s|$)""")
CHILD_KEY = re.compile(r"""^(\s+)(['"]?)([^'"\s:#][^'":]*?)\2\s*:(\s|$)""")
TYPE_LINE = re.compile(r"""^\s+Type\s*:\s*['"]?([A-Za-z0-9:.-]+)""")


def layout_yaml(lines, lay):
    tops = []
    for i, text in enumerate(lines, 1):
        m = TOP_KEY.match(text)
        if m:
            tops.append((i, m.group(2)))
    ends = {}
    for k, (i, name) in enumerate(tops):
        ends[i] = tops[k + 1][0] - 1 if k + 1 < len(tops) else len(lines)
    for i, tname in tops:
        name = tname
        if name == "Transform":
            lay.transform = True
        if name == "Globals":
            lay.globals = (i, ends[i])
        if name not in SECTIONS:
            continue
        indent = None
        starts = []
        for j in range(i + 1, ends[i] + 1):
            text = lines[j - 1]
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            m = CHILD_KEY.match(text)
            if not m:
                continue
            width = len(m.group(1))
            if indent is None:
                indent = width
            if width == indent:
                starts.append((j, m.group(3).strip()))
        for k, (j, name) in enumerate(starts):
            last = starts[k + 1][0] - 1 if k + 1 < len(starts) else ends[i]
            rtype, child = None, None
            for t in range(j + 1, last + 1):
                text = lines[t - 1]
                if not text.strip() or text.lstrip().startswith("#"):
                    continue
                width = len(text) - len(text.lstrip())
                if child is None:
                    child = width
                m = TYPE_LINE.match(text)
                if m and width == child:
                    rtype = m.group(1)
                    break
            lay.spans.append((j, last, entry_name(tname, name), rtype))


def layout_json(text, lay):
    """Scan JSON text for the top-level keys, the resources and their Types."""
    line, i, n = 1, 0, len(text)
    stack = []              # [kind, current key] of each open container
    expect_key = False
    res, order = {}, []     # resource name -> [first, last, type]
    glob_start = None
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == '"':
            j, first = i + 1, line
            while j < n and text[j] != '"':
                if text[j] == "\\":
                    j += 1
                if j < n and text[j] == "\n":
                    line += 1
                j += 1
            s = text[i + 1:j]
            i = j + 1
            d = len(stack)
            if d and stack[-1][0] == "{" and expect_key:
                stack[-1][1] = s
                expect_key = False
                if d == 1 and s == "Transform":
                    lay.transform = True
                if d == 2 and stack[0][1] in SECTIONS and entry_name(stack[0][1], s) not in res:
                    res[entry_name(stack[0][1], s)] = [first, first, None]
                    order.append(entry_name(stack[0][1], s))
            elif d == 3 and stack[0][1] == "Resources" and stack[2][1] == "Type" and stack[1][1] in res:
                res[stack[1][1]][2] = s
            continue
        elif c in "{[":
            stack.append([c, None])
            expect_key = c == "{"
            if len(stack) == 2 and stack[0][1] == "Globals":
                glob_start = line
        elif c in "}]":
            d = len(stack)
            if d == 3 and stack[0][1] in SECTIONS and entry_name(stack[0][1], stack[1][1] or "") in res:
                res[entry_name(stack[0][1], stack[1][1])][1] = line
            if d == 2 and stack[0][1] == "Globals" and glob_start is not None:
                lay.globals = (glob_start, line)
            if stack:
                stack.pop()
            expect_key = False
        elif c == ",":
            expect_key = bool(stack) and stack[-1][0] == "{"
        i += 1
    for name in order:
        first, last, rtype = res[name]
        lay.spans.append((first, last, name, rtype))


def layout_of(path, cache={}):
    if path in cache:
        return cache[path]
    lay = Layout()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        cache[path] = lay
        return lay
    lay.lines = text.split("\n")
    lay.rain = "Rain::" in text
    lay.rain_module = "Rain::Module" in text
    m = re.search(r'^"?Transform"?\s*:\s*(.*(?:\n[ \t-].*)*)', text, re.M) or \
        re.search(r'"Transform"\s*:\s*(\[[^\]]*\]|"[^"]*")', text)
    if m:
        lay.transforms = [t for t in re.findall(r"[A-Za-z][A-Za-z0-9:_.-]*", m.group(1))
                          if t not in ("Name", "Parameters")]
    if text.lstrip().startswith("{"):
        try:
            layout_json(text, lay)
        except Exception:  # a layout is a help, never a reason to stop
            lay.spans = []
    else:
        layout_yaml(lay.lines, lay)
    cache[path] = lay
    return lay


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------
class Row:
    __slots__ = ("path", "rule", "line", "col", "msg", "sl", "accept", "scope",
                 "tokens", "resource", "how", "wrong", "e0001_res")


QUOTED = re.compile(r"'([A-Za-z0-9_.:/-]+)'")


def tokens_of(msg):
    """The property or value names a cfn-lint message is about."""
    head = re.split(r" is not one of | does not match | is not a '| is not of type", msg)[0]
    if head[:1] in "{[" or head.startswith("None") or re.match(r"^-?\d", head):
        return set()    # the value itself (a mapping, list, number): no name
    toks = set()
    for t in QUOTED.findall(head):
        toks.add(t.split(".")[-1])
    return toks


SAM_TRANSFORMS = ("AWS::Serverless-2016-10-31", "AWS::LanguageExtensions")


def load_cfnlint(tsv, corpus):
    rows = []
    with open(tsv, encoding="utf-8") as fh:
        header = fh.readline()
        if not header.startswith("path\trule"):
            die(tsv + ": not the expected header")
        for raw in fh:
            f = raw.rstrip("\n").split("\t")
            if len(f) < 8:
                continue
            r = Row()
            r.path, r.rule, r.line, r.col, r.msg = f[0], f[1], int(f[3]), int(f[4]), f[7]
            r.sl, r.accept, r.scope, r.how, r.e0001_res = None, set(), None, None, None
            r.tokens, r.resource, r.wrong = set(), None, None
            if r.rule == "E0001":
                m = re.search(r"Resource with id \[([^\]]+)\]", r.msg)
                r.e0001_res = m.group(1) if m else ("Globals" if "'Globals' section" in r.msg else None)
                for rx, sl, acc in E0001_MEANINGS:
                    if re.search(rx, r.msg):
                        r.sl, r.accept, r.scope = sl, acc, "e0001"
                        break
                r.tokens = {t.split(".")[-1] for t in QUOTED.findall(r.msg)} - {r.e0001_res}
            else:
                for rule, rx, sl, acc, scope in MAP:
                    if r.rule.startswith(rule) and (rx is None or re.search(rx, r.msg)):
                        r.sl, r.accept, r.scope = sl, acc, scope
                        break
                r.tokens = tokens_of(r.msg)
                if r.sl and r.msg.startswith("None "):
                    # a null value: samlint calls it a value of the wrong type,
                    # or a missing one where the key is required
                    r.accept = r.accept | {"SL604", "SL603"}
            for rule, rx, prx, why in CFNLINT_WRONG:
                if r.rule == rule and re.search(rx, r.msg) and (prx is None or re.search(prx, r.path)):
                    r.wrong = "cfn-lint judged wrong: " + why
            if r.wrong is None and r.rule.startswith("E"):
                lay = layout_of(os.path.join(corpus, r.path))
                macros = [t for t in lay.transforms if t not in SAM_TRANSFORMS]
                if macros:
                    r.wrong = "not CloudFormation input: the macro %s rewrites the template first" % ",".join(macros)
                elif "Rain::" in r.msg or lay.rain_module or (
                        lay.rain and re.search(r"'(Overrides|Fn::Rain::\w+)' was unexpected", r.msg)):
                    r.wrong = "not CloudFormation input: a Rain directive, replaced by rain pkg"
            rows.append(r)
    return rows


def run_samlint(samlint, corpus, paths=None):
    cmd = [samlint, "-f", "json", "--fail-on", "never", "--no-config", "-j", "2"]
    cmd += paths if paths else [corpus]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        die("samlint exited %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[:400]))
    data = json.loads(p.stdout.decode("utf-8"))
    prefix = corpus.rstrip("/") + "/"
    out = []
    for f in data["findings"]:
        path = f["file"]
        if path.startswith(prefix):
            path = path[len(prefix):]
        f["path"] = path
        out.append(f)
    return out


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------
def match(rows, findings, corpus):
    by_file = defaultdict(list)
    for f in findings:
        by_file[f["path"]].append(f)
    for r in rows:
        if r.sl is None:
            continue
        cands = [f for f in by_file.get(r.path, ()) if f["rule"] in r.accept]
        if not cands:
            continue
        lay = layout_of(os.path.join(corpus, r.path))

        def named(f):
            return not r.tokens or any(t in f["message"] for t in r.tokens)

        def res_of(f):
            return lay.resource_at(f["line"])[0] or f.get("resource")

        # Prefer a finding that names what cfn-lint names, then one no other
        # cfn-lint finding took (cfn-lint reports each bad list item apart).
        cands.sort(key=lambda f: (not named(f), bool(f.get("matched"))))
        hit = None
        for f in cands:
            if f["line"] == r.line:
                hit, r.how = f, "line"
                break
        if hit is None and r.scope == "file":
            hit = next((f for f in cands if f["rule"] != "SL601" or "Transform" in f["message"]), None)
            r.how = "file" if hit else None
        if hit is None and r.scope == "resource":
            name, rtype = lay.resource_at(r.line)
            if name:
                for f in cands:
                    if res_of(f) == name and named(f):
                        hit, r.how = f, "resource"
                        break
                if hit is None and rtype and rtype.startswith("AWS::Serverless::"):
                    for f in cands:
                        if lay.in_globals(f["line"]) and named(f):
                            hit, r.how = f, "globals"
                            break
        if hit is None and r.scope == "resource" and r.tokens and not lay.resource_at(r.line)[0]:
            # cfn-lint's line is outside every entry (1:1, the Resources
            # line): a transformed SAM template. The same name, same file.
            for f in cands:
                if named(f):
                    hit, r.how = f, "named"
                    break
        if hit is None and r.scope == "e0001" and r.e0001_res:
            for f in cands:
                if r.e0001_res == "Globals":
                    ok = lay.in_globals(f["line"])
                else:
                    ok = res_of(f) == r.e0001_res or (
                        lay.in_globals(f["line"]) and r.e0001_res in [s[2] for s in lay.spans])
                if ok and named(f):
                    hit, r.how = f, "transform"
                    break
        if hit is not None:
            hit.setdefault("matched", []).append(r)
    return by_file


def is_sl6(f):
    return f["rule"].startswith("SL6")


def samlint_only(rows, findings):
    err_at = defaultdict(list)
    for r in rows:
        if r.rule.startswith("E"):
            err_at[(r.path, r.line)].append(r.rule)
    only, shared_unmapped = [], []
    for f in findings:
        if not is_sl6(f) or f.get("matched"):
            continue
        others = err_at.get((f["path"], f["line"]))
        if others:
            shared_unmapped.append((f, sorted(set(others))))
        else:
            only.append(f)
    return only, shared_unmapped


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------
SL_ORDER = ["SL601", "SL602", "SL603", "SL604", "SL605", "SL606", "SL607", "SL608", "SL609", "SL004", "SL205"]


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def clean(s, n=200):
    s = "".join(ch if ch.isprintable() else "?" for ch in s)
    return s if len(s) <= n else s[: n - 3] + "..."


def report_table(rows, findings, corpus, verbose_missed=True):
    mapped = [r for r in rows if r.sl is not None and r.scope != "e0001"]
    e1 = [r for r in rows if r.rule == "E0001"]
    present = sorted({f["rule"] for f in findings if is_sl6(f)})
    print("samlint SL6xx rules firing on the corpus: " + (" ".join(present) if present else "none"))
    print()
    print("Mapped cfn-lint findings that samlint also reports (same file; same line, same")
    print("resource, or Globals), per samlint rule. 'adjudicated' leaves out the cfn-lint")
    print("findings judged wrong by hand (CFNLINT_WRONG in tools/differential.py) and those")
    print("on files that are no CloudFormation input as they stand (macro, Rain directive).")
    print()
    print("%-6s %-34s %6s %6s %7s   %s" % ("rule", "cfn-lint rules", "mapped", "found", "", "adjudicated"))
    tot = [0, 0, 0, 0]
    for sl in SL_ORDER:
        rs = [r for r in mapped if r.sl == sl]
        if not rs:
            continue
        src = defaultdict(int)
        for r in rs:
            src[r.rule] += 1
        found = sum(1 for r in rs if r.how)
        adj = [r for r in rs if not r.wrong]
        afound = sum(1 for r in adj if r.how)
        names = ",".join("%s:%d" % (k, v) for k, v in sorted(src.items()))
        print("%-6s %-34s %6d %6d %7s   %d/%d %s" % (sl, clean(names, 34), len(rs), found, pct(found, len(rs)),
                                                  afound, len(adj), pct(afound, len(adj))))
        if sl.startswith("SL6"):
            core = [r for r in rs if CORE.match(r.rule)]
            tot[0] += len(core)
            tot[1] += sum(1 for r in core if r.how)
            acore = [r for r in core if not r.wrong]
            tot[2] += len(acore)
            tot[3] += sum(1 for r in acore if r.how)
    print("%-6s %-34s %6d %6d %7s   %d/%d %s" % ("SL6xx", "the issue's cfn-lint rules", tot[0], tot[1], pct(tot[1], tot[0]),
                                              tot[3], tot[2], pct(tot[3], tot[2])))
    e1m = [r for r in e1 if r.sl]
    print("%-6s %-34s %6d %6d %7s   (%d more E0001 name no schema problem)" % (
        "E0001", "SAM transform failed, by meaning", len(e1m), sum(1 for r in e1m if r.how),
        pct(sum(1 for r in e1m if r.how), len(e1m)), len(e1) - len(e1m)))
    how = defaultdict(int)
    for r in rows:
        if r.how:
            how[r.how] += 1
    print("matched at: " + ", ".join("%s %d" % kv for kv in sorted(how.items())))
    unm = defaultdict(int)
    for r in rows:
        if r.sl is None and r.rule.startswith("E") and r.rule != "E0001":
            unm[r.rule] += 1
    print("cfn-lint errors not mapped (no SL6xx meaning): " +
          ", ".join("%s %d" % kv for kv in sorted(unm.items())))
    if verbose_missed:
        print()
        print("Missed mapped cfn-lint findings (file:line cfn-lint-rule -> samlint rule: cfn-lint's words):")
        for r in sorted([r for r in rows if r.sl and not r.how], key=lambda r: (r.sl, r.path, r.line)):
            tag = "  [%s]" % r.wrong.split(":")[0] if r.wrong else ""
            print("  %s:%d %s -> %s: %s%s" % (r.path, r.line, r.rule, r.sl, clean(r.msg, 160), tag))
    print()


def report_only(rows, findings):
    only, shared = samlint_only(rows, findings)
    print("samlint-only SL6xx findings: %d (and %d at the line of another cfn-lint error)" % (len(only), len(shared)))
    by = defaultdict(int)
    for f in only:
        by[f["rule"]] += 1
    print("  by rule: " + (", ".join("%s %d" % kv for kv in sorted(by.items())) or "none"))
    for f in sorted(only, key=lambda f: (f["rule"], f["path"], f["line"])):
        print("  %s:%d %s %s" % (f["path"], f["line"], f["rule"], clean(f["message"])))
    if shared:
        print("At the line of another cfn-lint error (not counted as samlint-only):")
        for f, others in sorted(shared, key=lambda x: (x[0]["path"], x[0]["line"])):
            print("  %s:%d %s (%s) %s" % (f["path"], f["line"], f["rule"], ",".join(others), clean(f["message"])))
    print()


def report_sample(rows, findings, corpus, n, seed):
    only, _ = samlint_only(rows, findings)
    only.sort(key=lambda f: (f["path"], f["line"], f["column"], f["rule"], f["message"]))
    rng = random.Random(seed)
    pick = only if len(only) <= n else rng.sample(only, n)
    pick.sort(key=lambda f: (f["rule"], f["path"], f["line"]))
    print("Sample of %d of %d samlint-only SL6xx findings (seed %d):" % (len(pick), len(only), seed))
    for k, f in enumerate(pick, 1):
        lay = layout_of(os.path.join(corpus, f["path"]))
        print("%3d. %s:%d:%d %s [%s] %s" % (k, f["path"], f["line"], f["column"], f["rule"],
                                            f.get("resource") or "-", clean(f["message"], 300)))
        for ln in range(max(1, f["line"] - 1), f["line"] + 2):
            if ln <= len(lay.lines):
                mark = ">" if ln == f["line"] else " "
                print("      %s%5d | %s" % (mark, ln, clean(lay.lines[ln - 1].rstrip(), 150)))
    print()


def report_sam_errors(findings, corpus):
    d = "serverless-application-model/tests/translator/input/"
    full = os.path.join(corpus, d)
    if not os.path.isdir(full):
        print("SAM error_* inputs: skipped (no %s)" % full)
        return
    errs = sorted(x for x in os.listdir(full) if x.startswith("error_") and x.endswith((".yaml", ".yml", ".json")))
    by = defaultdict(list)
    for f in findings:
        if is_sl6(f) and f["path"].startswith(d):
            by[f["path"][len(d):]].append(f)
    hit = [e for e in errs if by.get(e)]
    only_tf = [e for e in hit if all(f["rule"] == "SL601" and "Transform" in f["message"] for f in by[e])]
    print("SAM translator error_* inputs (SAM rejects them): %d; %d raise an SL6xx finding "
          "(%d of them only SL601's missing Transform), %d raise none" % (
              len(errs), len(hit), len(only_tf), len(errs) - len(hit)))
    rules = defaultdict(int)
    for e in hit:
        for r in {f["rule"] for f in by[e]}:
            rules[r] += 1
    print("  inputs per rule: " + (", ".join("%s %d" % kv for kv in sorted(rules.items())) or "none"))
    for e in errs:
        fs = [f for f in by.get(e, ()) if not (f["rule"] == "SL601" and "Transform" in f["message"])]
        if fs:
            print("  %s: %s" % (e, "; ".join("%d %s %s" % (f["line"], f["rule"], clean(f["message"], 110))
                                             for f in sorted(fs, key=lambda f: f["line"]))))
    quiet = [e[len("error_"):-len(".yaml")] if e.endswith(".yaml") else e
             for e in errs if e not in hit or e in only_tf]
    print("  %d with no SL6xx finding besides a missing Transform (error_<name>.yaml):" % len(quiet))
    print(textwrap.fill(" ".join(quiet), width=100, initial_indent="    ", subsequent_indent="    "))
    print()


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet under | head
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samlint", default="./samlint")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--only", action="store_true")
    ap.add_argument("--sam-errors", action="store_true")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "corpus")
    tsv = os.path.join(a.shared, "peers", "cfn-lint-1.51.5-dev-corpus.tsv")
    if not os.path.isdir(corpus) or not os.path.isfile(tsv):
        print("differential: skipped (no %s with corpus/ and peers/)" % a.shared)
        return 0
    if not (a.table or a.only or a.sam_errors or a.sample):
        a.table = a.only = a.sam_errors = True
    corpus = os.path.abspath(corpus)
    rows = load_cfnlint(tsv, corpus)
    findings = run_samlint(a.samlint, corpus)
    match(rows, findings, corpus)
    if a.table:
        report_table(rows, findings, corpus)
    if a.only:
        report_only(rows, findings)
    if a.sam_errors:
        report_sam_errors(findings, corpus)
    if a.sample:
        report_sample(rows, findings, corpus, a.sample, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
