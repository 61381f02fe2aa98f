#!/usr/bin/env python3
"""plant.py: the planted-mistakes trial of issue 10, reproducible.

Picks 60 real SAM templates from the shared corpus (deterministically, by a
seed), plants ONE everyday mistake in a copy of each (ten of each of six
kinds), lints the copies with samlint and prints, per kind, how many were
caught (a finding of the expected rule anywhere in the file) and how many at
the line of the mistake, with the message samlint gave.

  kind              rule   the mistake
  property-typo     SL602  a property the resource has, one letter swapped,
                           doubled or wrong (MemorySize -> MemorySise)
  value-type        SL604  a word where an integer or boolean goes
                           (Timeout: 30 -> Timeout: thirty)
  enum-value        SL605  a near-miss enum value (nodejs22.x -> nodejs22)
  resource-type     SL601  a near-miss resource type (AWS::SQS::Queu)
  missing-required  SL603  a property the registry or SAM requires deleted
                           (a table's KeySchema, an SQS event's Queue)
  ref-target        SL004  a misspelt Ref / Fn::GetAtt / Fn::Sub target

A template is a candidate when it has `Transform: AWS::Serverless-2016-10-31`,
is not one of SAM's translator test inputs, and its unplanted copy raises no
SL6xx and no SL004 finding. The corpus is only read: every copy is written
under --scratch. The line of a mistake is the line of the edited key or
value; for a deleted required property it is the key of the mapping that
lacks it (`Properties:`), where RULES.md says SL603 reports it.

Reads the templates with PyYAML's composer (python3-yaml, which
`make test-deps` installs and tests/attribution.py already uses) for the
positions of keys and values, and ../shared/schemas for what each property
is (its type, its enum, what is required). Everything else is the standard
library. Exit 0 when it ran (whatever samlint caught), 2 on a usage error.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_types import resolve  # noqa: E402  (one $ref reader for the tools)

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("plant.py: needs PyYAML (python3-yaml; make test-deps)\n")
    sys.exit(3)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it: same nodes, faster

KINDS = [
    ("property-typo", "SL602"),
    ("value-type", "SL604"),
    ("enum-value", "SL605"),
    ("resource-type", "SL601"),
    ("missing-required", "SL603"),
    ("ref-target", "SL004"),
]
PER_KIND = 10
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
PSEUDO = {"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
          "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix"}
RESOURCE_ATTRS = {"Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy",
                  "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy"}

# Values AWS documents for string properties whose schema has no enum
# (samlint's overlay has the same facts; this list is the tool's own).
#   Lambda runtimes: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
#   BillingMode, StreamViewType: AWS::DynamoDB::Table page of the CloudFormation user guide
#   StartingPosition: AWS::Lambda::EventSourceMapping page
KNOWN_ENUMS = {
    "Runtime": ["nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x", "nodejs16.x", "nodejs14.x",
                "nodejs12.x", "python3.14", "python3.13", "python3.12", "python3.11", "python3.10",
                "python3.9", "python3.8", "python3.7", "java25", "java21", "java17", "java11",
                "java8.al2", "java8", "dotnet10", "dotnet8", "dotnet6", "ruby3.4", "ruby3.3",
                "ruby3.2", "ruby2.7", "go1.x", "provided.al2023", "provided.al2", "provided"],
    "BillingMode": ["PROVISIONED", "PAY_PER_REQUEST"],
    "StreamViewType": ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"],
    "StartingPosition": ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"],
    "Tracing": ["Active", "PassThrough", "Disabled"],
    "Architectures": ["x86_64", "arm64"],
    "PackageType": ["Zip", "Image"],
}
# What SAM requires of an event's Properties, by event Type: sam.schema.json's
# `required`, and what its documentation marks "Required: Yes" where the
# resource SAM makes cannot go without it (an AWS::Events::Rule needs a
# ScheduleExpression or an EventPattern, an AWS::Scheduler::Schedule its
# ScheduleExpression, a Kinesis or DynamoDB stream mapping its
# StartingPosition).
SAM_EVENT_REQUIRED = {
    "SQS": ["Queue"], "SNS": ["Topic"], "S3": ["Bucket", "Events"], "Kinesis": ["Stream"],
    "DynamoDB": ["Stream"], "Api": ["Path", "Method"], "EventBridgeRule": ["Pattern"],
    "CloudWatchLogs": ["FilterPattern", "LogGroupName"], "IoTRule": ["Sql"],
    "Cognito": ["Trigger", "UserPool"], "MQ": ["Broker", "Queues"], "MSK": ["Stream", "Topics"],
    "Schedule": ["Schedule"], "ScheduleV2": ["ScheduleExpression"], "CloudWatchEvent": ["Pattern"],
}
SAM_EVENT_TYPES = ["S3", "SNS", "Kinesis", "DynamoDB", "DocumentDB", "SQS", "Api", "Schedule", "ScheduleV2",
                   "CloudWatchEvent", "EventBridgeRule", "CloudWatchLogs", "IoTRule", "AlexaSkill", "Cognito",
                   "HttpApi", "MSK", "MQ", "SelfManagedKafka"]
SAM_EVENT_REQUIRED_DOCUMENTED = {"Kinesis": ["StartingPosition"], "DynamoDB": ["StartingPosition"]}
# SAM resource properties SAM requires (sam.schema.json; a Zip function's
# Runtime and Handler are SAM's own requirement, RULES.md SL603).
SAM_REQUIRED = {
    "AWS::Serverless::Api": ["StageName"], "AWS::Serverless::LayerVersion": ["ContentUri"],
    "AWS::Serverless::Application": ["Location"],
}
SAM_DEFS = {
    "AWS::Serverless::Function": "aws_serverless_function", "AWS::Serverless::Api": "aws_serverless_api",
    "AWS::Serverless::HttpApi": "aws_serverless_httpapi",
    "AWS::Serverless::SimpleTable": "aws_serverless_simpletable",
    "AWS::Serverless::LayerVersion": "aws_serverless_layerversion",
    "AWS::Serverless::Application": "aws_serverless_application",
    "AWS::Serverless::StateMachine": "aws_serverless_statemachine",
    "AWS::Serverless::Connector": "aws_serverless_connector",
    "AWS::Serverless::GraphQLApi": "aws_serverless_graphqlapi",
    "AWS::Serverless::WebSocketApi": "aws_serverless_websocketapi",
    "AWS::Serverless::CapacityProvider": "aws_serverless_capacity_provider",
}
SAM_GLOBALS = {"Function": "aws_serverless_function", "Api": "aws_serverless_api",
               "HttpApi": "aws_serverless_httpapi", "SimpleTable": "aws_serverless_simpletable",
               "StateMachine": "aws_serverless_statemachine", "LayerVersion": "aws_serverless_layerversion",
               "CapacityProvider": "aws_serverless_capacity_provider",
               "WebSocketApi": "aws_serverless_websocketapi"}

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoadfghjkllxcvbnmn")}


# ---------------------------------------------------------------- schemas

class Schemas:
    """What the registry and SAM's schema say about a property."""

    def __init__(self, root):
        self.root = root
        self.cache = {}
        with open(os.path.join(root, "sam", "sam.schema.json"), encoding="utf-8") as f:
            self.sam = json.load(f)
        self.types = set()
        with open(os.path.join(root, "cloudformation", "regions.tsv"), encoding="utf-8") as f:
            for line in f:
                t = line.split("\t", 1)[0]
                if "::" in t:
                    self.types.add(t)
        self.types.update(SAM_DEFS)

    def registry(self, rtype):
        if rtype not in self.cache:
            p = os.path.join(self.root, "cloudformation", "resources", rtype.replace("::", "__") + ".json")
            try:
                with open(p, encoding="utf-8") as f:
                    self.cache[rtype] = json.load(f)
            except OSError:
                self.cache[rtype] = None
        return self.cache[rtype]

    @staticmethod
    def _deref(doc, node):
        node = resolve(doc, node)
        return node if isinstance(node, dict) else {}

    def _branches(self, doc, node, depth=0):
        """node and every allOf/anyOf/oneOf branch below it, dereferenced."""
        node = self._deref(doc, node)
        out = [node]
        if depth < 6:
            for k in ("allOf", "anyOf", "oneOf"):
                for b in node.get(k, []) or []:
                    out.extend(self._branches(doc, b, depth + 1))
        return out

    def child(self, doc, node, key):
        for b in self._branches(doc, node):
            props = b.get("properties")
            if isinstance(props, dict) and key in props:
                return props[key]
        return None

    def keys(self, doc, node):
        out = set()
        for b in self._branches(doc, node):
            if isinstance(b.get("properties"), dict):
                out.update(b["properties"])
        return out

    def kinds(self, doc, node):
        """The JSON types a value may have here, SAM's documented '*Type*:' included."""
        out = set()
        for b in self._branches(doc, node):
            t = b.get("type")
            if isinstance(t, str):
                out.add(t)
            elif isinstance(t, list):
                out.update(x for x in t if isinstance(x, str))
            if "enum" in b:
                out.add("string")
            desc = b.get("markdownDescription", "")
            pt = b.get("__samPassThrough")
            if isinstance(pt, dict):
                desc += pt.get("markdownDescriptionOverride", "")
            m = re.search(r"\*Type\*: *([A-Za-z]+)", desc)
            if m:
                out.add({"Integer": "integer", "Boolean": "boolean", "String": "string",
                         "Map": "object", "List": "array", "Number": "number"}.get(m.group(1), "other"))
        out.discard("object")  # intrinsics
        return out

    def closed(self, doc, node):
        """Does the object schema here list every key it allows?"""
        got = False
        for b in self._branches(doc, node):
            if "patternProperties" in b:
                return False
            if isinstance(b.get("properties"), dict):
                if b.get("additionalProperties", True) is not False:
                    return False
                got = True
        return got

    def required(self, doc, node):
        """The keys required here (allOf included; anyOf/oneOf branches are alternatives)."""
        node = self._deref(doc, node)
        out = list(node.get("required", []) or [])
        for b in node.get("allOf", []) or []:
            out.extend(self.required(doc, b))
        return [r for r in out if isinstance(r, str)]

    def enum(self, doc, node):
        for b in self._branches(doc, node):
            if isinstance(b.get("enum"), list) and all(isinstance(x, str) for x in b["enum"]):
                return list(b["enum"]), bool(b.get("enumCaseInsensitive"))
        return None, False

    def resource_props(self, rtype):
        """(schema document, Properties node) of a resource type, or (None, None)."""
        if rtype in SAM_DEFS:
            d = self.sam["definitions"].get("samtranslator__internal__schema_source__%s__Properties"
                                            % SAM_DEFS[rtype])
            return (self.sam, d) if d else (None, None)
        doc = self.registry(rtype)
        return (doc, doc) if doc else (None, None)

    def globals_props(self, section):
        d = self.sam["definitions"].get("samtranslator__internal__schema_source__%s__Globals"
                                        % SAM_GLOBALS.get(section, "?"))
        return (self.sam, d) if d else (None, None)

    def sam_event(self, etype):
        """The Properties node of a SAM function event of this Type."""
        fp = self.sam["definitions"]["samtranslator__internal__schema_source__aws_serverless_function__Properties"]
        ev = self._deref(self.sam, fp["properties"]["Events"]).get("additionalProperties", {})
        for b in ev.get("anyOf", []):
            b = self._deref(self.sam, b)
            t = self._deref(self.sam, b.get("properties", {}).get("Type", {}))
            if etype in (t.get("enum") or []):
                return self._deref(self.sam, b.get("properties", {}).get("Properties", {}))
        return None


# ---------------------------------------------------------------- templates

def mapping_get(node, key):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None, None


def duplicated(node):
    """The keys a mapping holds more than once (YAML allows it; the last one wins)."""
    seen, dup = set(), set()
    for k, _ in node.value:
        if isinstance(k, yaml.ScalarNode):
            (dup if k.value in seen else seen).add(k.value)
    return dup


def plain(node):
    """A scalar's text when it is a plain literal (no tag such as !Ref)."""
    if isinstance(node, yaml.ScalarNode) and not node.tag.startswith("!") or \
            isinstance(node, yaml.ScalarNode) and node.tag.startswith("tag:yaml.org"):
        return node.value
    return None


class Site:
    """One place where a mistake can be planted: replace text[start:end]."""

    def __init__(self, kind, where, start, end, new, line, col, what, expect=None):
        self.kind, self.where = kind, where
        self.start, self.end, self.new = start, end, new
        self.line, self.col, self.what = line, col, what
        self.expect = expect  # what a message that says what to do contains


def typo(word, rng, letters_only=False):
    """One edit of word: two neighbours swapped, a letter doubled or a wrong letter."""
    idx = [i for i, c in enumerate(word) if c.isalpha()]
    if len(idx) < 3:
        return None
    for _ in range(20):
        op = rng.choice(("swap", "double", "wrong"))
        i = rng.choice(idx[1:])
        c = word[i]
        if op == "swap":
            if i + 1 >= len(word) or not word[i + 1].isalpha() or word[i + 1].lower() == c.lower():
                continue
            out = word[:i] + word[i + 1] + c + word[i + 2:]
        elif op == "double":
            out = word[:i + 1] + c + word[i + 1:]
        else:
            n = KEYBOARD.get(c.lower())
            if not n:
                continue
            out = word[:i] + (n.upper() if c.isupper() else n) + word[i + 1:]
        if out != word and (not letters_only or out.replace("_", "").isalnum()):
            return out
    return None


def number_word(n):
    if 0 <= n < 20:
        return NUMBER_WORDS[n]
    if 20 <= n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + NUMBER_WORDS[n % 10])
    return None


def word_for(key, value, is_json):
    """A word a person writes where an integer or boolean goes."""
    v = value.strip()
    if v.lower() in ("true", "false"):
        w = "enabled" if v.lower() == "true" else "disabled"
    else:
        n = int(v)
        w = number_word(n)
        if w is None:
            k = key.lower()
            unit = ("MB" if "memory" in k or "size" in k or "storage" in k else
                    "s" if any(x in k for x in ("second", "timeout", "period", "window", "interval", "age")) else
                    " days" if "day" in k else " units")
            w = "%d%s" % (n, unit)
    return json.dumps(w) if is_json else w


def pos(node):
    return node.start_mark.line + 1, node.start_mark.column + 1


class Template:
    def __init__(self, rel, text, schemas):
        self.rel, self.text, self.schemas = rel, text, schemas
        self.is_json = rel.endswith(".json")
        self.root = yaml.compose(text, Loader=LOADER)
        _, res = mapping_get(self.root, "Resources")
        self.resources = res if isinstance(res, yaml.MappingNode) else None
        names = set()
        for sec in ("Resources", "Parameters", "Conditions", "Mappings", "Outputs"):
            _, m = mapping_get(self.root, sec)
            if isinstance(m, yaml.MappingNode):
                names.update(k.value for k, _ in m.value if isinstance(k, yaml.ScalarNode))
        self.names = names

    def is_sam(self):
        _, t = mapping_get(self.root, "Transform")
        vals = [t] if isinstance(t, yaml.ScalarNode) else (t.value if isinstance(t, yaml.SequenceNode) else [])
        return any(isinstance(v, yaml.ScalarNode) and v.value == SAM_TRANSFORM for v in vals)

    def each_resource(self):
        if not self.resources:
            return
        for k, v in self.resources.value:
            _, t = mapping_get(v, "Type")
            rtype = plain(t)
            if not rtype or rtype.startswith("Custom::") or rtype == "AWS::CloudFormation::CustomResource" \
                    or rtype.endswith("::MODULE"):
                continue
            _, props = mapping_get(v, "Properties")
            yield k, v, rtype, t, props

    def each_properties(self):
        """(where, schema doc, schema node, Properties mapping) for resources and Globals."""
        for k, v, rtype, t, props in self.each_resource():
            if isinstance(props, yaml.MappingNode):
                doc, node = self.schemas.resource_props(rtype)
                if doc:
                    yield ("SAM" if rtype in SAM_DEFS else "CFN"), rtype, k.value, doc, node, props
        _, g = mapping_get(self.root, "Globals")
        if isinstance(g, yaml.MappingNode):
            for sk, sv in g.value:
                doc, node = self.schemas.globals_props(sk.value)
                if doc and isinstance(sv, yaml.MappingNode):
                    yield "Globals", "Globals." + sk.value, None, doc, node, sv

    # ---- the six kinds

    def sites(self, rng):
        out = {k: [] for k, _ in KINDS}
        self._property_typos(out["property-typo"], rng)
        self._values(out, rng)
        self._types(out["resource-type"], rng)
        self._required(out["missing-required"])
        self._refs(out["ref-target"], rng)
        return out

    def _property_typos(self, out, rng):
        for where, owner, rid, doc, node, props in self.each_properties():
            allowed = self.schemas.keys(doc, node)
            dup = duplicated(props)
            for k, _ in props.value:
                if not isinstance(k, yaml.ScalarNode) or k.value not in allowed or k.value in dup:
                    continue
                new = typo(k.value, rng)
                if not new or new in allowed:
                    continue
                q = self.text[k.start_mark.index:k.end_mark.index]
                line, col = pos(k)
                out.append(Site("property-typo", where, k.start_mark.index, k.end_mark.index,
                                q.replace(k.value, new), line, col,
                                "%s: %s -> %s" % (rid or owner, k.value, new), "did you mean '%s'?" % k.value))

    def _values(self, out, rng):
        def walk(where, rid, doc, snode, ynode, path, depth, pkey=None):
            if depth > 4 or not isinstance(ynode, yaml.MappingNode):
                return
            dup = duplicated(ynode)
            if depth >= 1 and snode is not None and not dup:
                self._nested(out, rng, where, rid, doc, snode, ynode, path, pkey)
            for k, v in ynode.value:
                if not isinstance(k, yaml.ScalarNode):
                    continue
                sub = self.schemas.child(doc, snode, k.value) if snode is not None else None
                p = path + [k.value]
                if sub is None:
                    continue
                if isinstance(v, yaml.MappingNode):
                    walk(where, rid, doc, sub, v, p, depth + 1, k)
                    continue
                items = [v]
                item_schema = sub
                if isinstance(v, yaml.SequenceNode):
                    items = v.value
                    for b in self.schemas._branches(doc, sub):
                        if "items" in b:
                            item_schema = b["items"]
                            break
                for it in items:
                    if isinstance(it, yaml.MappingNode) and it is not v:
                        walk(where, rid, doc, item_schema, it, p + ["*"], depth + 1)
                        continue
                    text = plain(it)
                    if text is None or it.style not in (None, "", "'", '"') and not self.is_json:
                        continue
                    self._value_site(out, rng, where, rid, doc, item_schema, it, k.value, p)

        for where, owner, rid, doc, node, props in self.each_properties():
            walk(where, rid or owner, doc, node, props, [], 0)
        # SAM function events: Properties by the event's Type
        for k, v, rtype, t, props in self.each_resource():
            if rtype != "AWS::Serverless::Function":
                continue
            _, events = mapping_get(props, "Events")
            if not isinstance(events, yaml.MappingNode):
                continue
            for ek, ev in events.value:
                et = plain(mapping_get(ev, "Type")[1])
                _, ep = mapping_get(ev, "Properties")
                enode = self.schemas.sam_event(et) if et else None
                if enode and isinstance(ep, yaml.MappingNode):
                    walk("SAM event", "%s.Events.%s" % (k.value, ek.value), self.schemas.sam, enode, ep, [], 1)
                tk, tv = mapping_get(ev, "Type")
                if et and et in SAM_EVENT_TYPES:
                    new = typo(et, rng) if len(et) > 3 else et + et[-1]
                    if new and new not in SAM_EVENT_TYPES:
                        src = self.text[tv.start_mark.index:tv.end_mark.index]
                        line, col = pos(tv)
                        out["enum-value"].append(Site("enum-value", "SAM event", tv.start_mark.index,
                                                      tv.end_mark.index, src.replace(et, new, 1), line, col,
                                                      "%s.Events.%s: Type %s -> %s" % (k.value, ek.value, et, new),
                                                      "'%s'" % et))

    def _nested(self, out, rng, where, rid, doc, snode, ynode, path, pkey):
        """Inside a property: a typo'd key of a closed object, a required key deleted."""
        name = ".".join(path)
        if self.schemas.closed(doc, snode):
            allowed = self.schemas.keys(doc, snode)
            for k, _ in ynode.value:
                if isinstance(k, yaml.ScalarNode) and k.value in allowed:
                    new = typo(k.value, rng)
                    if new and new not in allowed:
                        src = self.text[k.start_mark.index:k.end_mark.index]
                        line, col = pos(k)
                        out["property-typo"].append(Site("property-typo", where, k.start_mark.index,
                                                         k.end_mark.index, src.replace(k.value, new), line, col,
                                                         "%s: %s.%s -> %s" % (rid, name, k.value, new),
                                                         "did you mean '%s'?" % k.value))
        if pkey is None or len(ynode.value) < 2 or where == "SAM event" and len(path) <= 1:
            return
        for r in self.schemas.required(doc, snode):
            rk, _ = mapping_get(ynode, r)
            span = self._delete(ynode, rk) if rk is not None else None
            if span:
                line, col = pos(pkey)
                out["missing-required"].append(Site("missing-required", where, span[0], span[1], "", line, col,
                                                    "%s: %s.%s deleted" % (rid, name, r),
                                                    "lacks required property '%s'" % r))

    def _value_site(self, out, rng, where, rid, doc, schema, node, key, path):
        value = node.value
        kinds = self.schemas.kinds(doc, schema)
        start, end = node.start_mark.index, node.end_mark.index
        line, col = pos(node)
        is_lit = node.style in (None, "") if not self.is_json else not self.text[start:end].startswith('"')
        if is_lit and "string" not in kinds and (kinds & {"integer", "number"} and re.fullmatch(r"-?[0-9]+", value)
                                                or kinds & {"boolean"} and value in ("true", "false")):
            new = word_for(key, value, self.is_json)
            out["value-type"].append(Site("value-type", where, start, end, new, line, col,
                                          "%s: %s %s -> %s" % (rid, ".".join(path), value, new),
                                          "got '%s'" % (json.loads(new) if self.is_json else new)))
            return
        enum, ci = self.schemas.enum(doc, schema)
        if enum is None and key in KNOWN_ENUMS and value in KNOWN_ENUMS[key]:
            enum, ci = KNOWN_ENUMS[key], False
        if not enum or value not in enum or len(value) < 3:
            return
        new = near_miss(key, value, rng, case_ok=not ci)
        folded = {e.lower() for e in enum} if ci else set(enum)
        if not new or (new.lower() if ci else new) in folded:
            return
        src = self.text[start:end]
        rep = src.replace(value, new, 1) if value in src else None
        if rep is None:
            return
        out["enum-value"].append(Site("enum-value", where, start, end, rep, line, col,
                                      "%s: %s %s -> %s" % (rid, ".".join(path), value, new), "'%s'" % value))

    def _types(self, out, rng):
        for k, v, rtype, t, props in self.each_resource():
            if rtype not in self.schemas.types:
                continue
            new = None
            for _ in range(10):
                parts = rtype.split("::")
                if rng.random() < 0.2 and parts[1] in ("DynamoDB", "SQS", "SNS", "IAM", "EC2"):
                    parts[1] = {"DynamoDB": "DynamoDb", "SQS": "Sqs", "SNS": "Sns", "IAM": "Iam",
                                "EC2": "Ec2"}[parts[1]]
                    cand = "::".join(parts)
                elif rng.random() < 0.3 and len(parts[-1]) > 4:
                    cand = "::".join(parts[:-1] + [parts[-1][:-1]])
                else:
                    w = typo(parts[-1], rng)
                    cand = "::".join(parts[:-1] + [w]) if w else None
                if cand and cand not in self.schemas.types:
                    new = cand
                    break
            if not new:
                continue
            src = self.text[t.start_mark.index:t.end_mark.index]
            line, col = pos(t)
            out.append(Site("resource-type", "SAM" if rtype in SAM_DEFS else "CFN", t.start_mark.index,
                            t.end_mark.index, src.replace(rtype, new, 1), line, col,
                            "%s: Type %s -> %s" % (k.value, rtype, new), "did you mean '%s'?" % rtype))

    def _delete(self, parent, key):
        """The span that removes key (and its value) from the mapping parent."""
        items = parent.value
        i = next(n for n, (k, _) in enumerate(items) if k is key)
        k, v = items[i]
        if parent.flow_style or self.is_json:
            if i + 1 < len(items):
                return k.start_mark.index, items[i + 1][0].start_mark.index
            return items[i - 1][1].end_mark.index, v.end_mark.index
        lines_start = self.text.rfind("\n", 0, k.start_mark.index) + 1
        if self.text[lines_start:k.start_mark.index].strip():
            return None  # the key shares its line (after '- ')
        if i + 1 < len(items):
            nk = items[i + 1][0]
            end = self.text.rfind("\n", 0, nk.start_mark.index) + 1
        else:
            end = v.end_mark.index
            before = self.text[self.text.rfind("\n", 0, end) + 1:end]
            if before.strip():
                nl = self.text.find("\n", end)
                end = len(self.text) if nl < 0 else nl + 1
        return lines_start, end

    def _required(self, out):
        _, g = mapping_get(self.root, "Globals")
        gfun = mapping_get(g, "Function")[1] if g is not None else None
        gapi = mapping_get(g, "Api")[1] if g is not None else None
        for k, v, rtype, t, props in self.each_resource():
            if not isinstance(props, yaml.MappingNode):
                continue
            pk, _ = mapping_get(v, "Properties")
            have = [x.value for x, _ in props.value if isinstance(x, yaml.ScalarNode)]
            req = []
            if rtype == "AWS::Serverless::Function":
                image = plain(mapping_get(props, "PackageType")[1]) == "Image" or "ImageUri" in have
                if not image:
                    req = [r for r in ("Runtime", "Handler") if mapping_get(gfun, r)[0] is None]
            elif rtype == "AWS::Serverless::Api":
                req = [r for r in SAM_REQUIRED[rtype] if mapping_get(gapi, r)[0] is None]
            elif rtype in SAM_REQUIRED:
                req = SAM_REQUIRED[rtype]
            elif rtype not in SAM_DEFS:
                doc = self.schemas.registry(rtype)
                req = list(doc.get("required", [])) if doc else []
            if len(have) >= 2 and not duplicated(props):
                for r in req:
                    rk, _ = mapping_get(props, r)
                    span = self._delete(props, rk) if rk is not None else None
                    if span:
                        line, col = pos(pk)
                        out.append(Site("missing-required", "SAM" if rtype in SAM_DEFS else "CFN", span[0],
                                        span[1], "", line, col, "%s: %s deleted (%s)" % (k.value, r, rtype),
                                        "lacks required property '%s'" % r))
            if rtype == "AWS::Serverless::Function":
                _, events = mapping_get(props, "Events")
                for ek, ev in (events.value if isinstance(events, yaml.MappingNode) else []):
                    et = plain(mapping_get(ev, "Type")[1])
                    epk, ep = mapping_get(ev, "Properties")
                    if not isinstance(ep, yaml.MappingNode) or len(ep.value) < 2 or duplicated(ep):
                        continue
                    for r in SAM_EVENT_REQUIRED.get(et, []) + SAM_EVENT_REQUIRED_DOCUMENTED.get(et, []):
                        rk, _ = mapping_get(ep, r)
                        span = self._delete(ep, rk) if rk is not None else None
                        if span:
                            line, col = pos(epk)
                            out.append(Site("missing-required", "SAM event", span[0], span[1], "", line, col,
                                            "%s.Events.%s (%s): %s deleted" % (k.value, ek.value, et, r),
                                            "lacks required property '%s'" % r))

    def _refs(self, out, rng):
        targets = set()
        for sec in ("Resources", "Parameters"):
            _, m = mapping_get(self.root, sec)
            if isinstance(m, yaml.MappingNode):
                targets.update(k.value for k, _ in m.value if isinstance(k, yaml.ScalarNode))

        # A template that lints with no SL004 defines every name it uses,
        # the ones SAM generates (<Fn>Role, ServerlessRestApi) included:
        # those are misspelt too. Not with another macro, which may define any.
        _, tr = mapping_get(self.root, "Transform")
        macros = [tr] if isinstance(tr, yaml.ScalarNode) else (tr.value if isinstance(tr, yaml.SequenceNode) else [])
        if any(not isinstance(m, yaml.ScalarNode) or m.value != SAM_TRANSFORM for m in macros):
            return
        local = set()

        def add(where, name, start, what):
            if name in PSEUDO or name in local or not re.fullmatch(r"[A-Za-z0-9]+", name):
                return
            new = typo(name, rng, letters_only=True)
            if not new or new in self.names:
                return
            line = self.text.count("\n", 0, start) + 1
            col = start - (self.text.rfind("\n", 0, start) + 1) + 1
            out.append(Site("ref-target", where, start, start + len(name), new, line, col,
                            "%s %s -> %s" % (what, name, new), "did you mean '%s'?" % name))

        def find(node, name, frm=None):
            i = self.text.find(name, frm if frm is not None else node.start_mark.index, node.end_mark.index)
            return i if i >= 0 else None

        def walk(node, where, depth=0):
            if depth > 40:
                return
            if isinstance(node, yaml.ScalarNode):
                val = node.value
                if node.tag == "!Ref":
                    i = find(node, val)
                    if i is not None and self.text[i - 1] in " \t'\"":
                        add(where, val, i, "!Ref")
                elif node.tag == "!GetAtt" and "." in val:
                    name = val.split(".", 1)[0]
                    i = find(node, name)
                    if i is not None:
                        add(where, name, i, "!GetAtt")
                elif node.tag == "!Sub":
                    self._sub(node, where, add)
            elif isinstance(node, yaml.SequenceNode):
                if node.tag == "!GetAtt" and node.value and isinstance(node.value[0], yaml.ScalarNode):
                    n0 = node.value[0]
                    i = find(n0, n0.value)
                    if i is not None:
                        add(where, n0.value, i, "!GetAtt")
                if node.tag == "!Sub" and node.value and isinstance(node.value[0], yaml.ScalarNode):
                    self._sub_list(node, where, add, local)
                for it in node.value:
                    walk(it, where, depth + 1)
            elif isinstance(node, yaml.MappingNode):
                if len(node.value) == 1:
                    k, v = node.value[0]
                    if k.value == "Ref" and isinstance(v, yaml.ScalarNode):
                        i = find(v, v.value)
                        if i is not None:
                            add(where, v.value, i, "Ref")
                    elif k.value == "Fn::GetAtt" and isinstance(v, yaml.SequenceNode) and v.value \
                            and isinstance(v.value[0], yaml.ScalarNode):
                        n0 = v.value[0]
                        i = find(n0, n0.value)
                        if i is not None:
                            add(where, n0.value, i, "Fn::GetAtt")
                    elif k.value == "Fn::GetAtt" and isinstance(v, yaml.ScalarNode) and "." in v.value:
                        name = v.value.split(".", 1)[0]
                        i = find(v, name)
                        if i is not None:
                            add(where, name, i, "Fn::GetAtt")
                    elif k.value == "Fn::Sub":
                        if isinstance(v, yaml.ScalarNode):
                            self._sub(v, where, add)
                        elif isinstance(v, yaml.SequenceNode) and v.value and isinstance(v.value[0], yaml.ScalarNode):
                            self._sub_list(v, where, add, local)
                for _, v in node.value:
                    walk(v, where, depth + 1)

        for sec in ("Resources", "Outputs", "Globals"):
            _, m = mapping_get(self.root, sec)
            if isinstance(m, yaml.MappingNode):
                for k, v in m.value:
                    if sec == "Resources":
                        _, t = mapping_get(v, "Type")
                        where = "SAM" if (plain(t) or "").startswith("AWS::Serverless::") else "CFN"
                    else:
                        where = sec
                    walk(v, where)

    def _sub_list(self, node, where, add, local):
        """Fn::Sub [string, {Var: value}]: the string's names but its own variables."""
        local.clear()
        if len(node.value) > 1 and isinstance(node.value[1], yaml.MappingNode):
            local.update(k.value for k, _ in node.value[1].value if isinstance(k, yaml.ScalarNode))
        self._sub(node.value[0], where, add)
        local.clear()

    def _sub(self, node, where, add):
        src = self.text[node.start_mark.index:node.end_mark.index]
        for m in re.finditer(r"\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}", src):
            add(where, m.group(1), node.start_mark.index + m.start(1), "!Sub ${}")


def near_miss(key, value, rng, case_ok=True):
    """A value a person types for an enum member: nodejs22.x -> nodejs22,
    PAY_PER_REQUEST -> pay_per_request (where the enum minds letter case)."""
    if case_ok and rng.random() < 0.25 and value.lower() != value.upper():
        return value.lower() if value != value.lower() else value.upper()
    m = re.fullmatch(r"nodejs(\d+)\.x", value)
    if m:
        return "nodejs" + m.group(1)
    m = re.fullmatch(r"python3\.(\d+)", value)
    if m:
        return rng.choice(("python3%s" % m.group(1), "python-3.%s" % m.group(1)))
    if re.fullmatch(r"java\d+", value):
        return value.replace("java", "java-")
    if value == "x86_64":
        return "x86-64"
    if value == "arm64":
        return "arm"
    if "_" in value and rng.random() < 0.4:
        return value.replace("_", "-", 1)
    return typo(value, rng)


# ---------------------------------------------------------------- running

def lint(samlint, paths, extra):
    """samlint's JSON findings per file for these paths."""
    out = {p: [] for p in paths}
    for i in range(0, len(paths), 200):
        chunk = paths[i:i + 200]
        cmd = [samlint, "-f", "json", "--no-config", "--fail-on", "never", "-j", "2"] + extra + ["--"] + chunk
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if r.returncode >= 2:
            sys.stderr.write("plant.py: samlint exited %d: %s\n" % (r.returncode, r.stderr.decode()[:400]))
            sys.exit(1)
        for f in json.loads(r.stdout.decode("utf-8"))["findings"]:
            out.setdefault(f["file"], []).append(f)
    return out


def expected_rule(kind):
    return dict(KINDS)[kind]


def candidates(corpus):
    out = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, corpus)
        if rel_dir.replace(os.sep, "/").startswith("serverless-application-model/tests/translator"):
            continue
        for fn in sorted(filenames):
            if fn.endswith((".yaml", ".yml", ".json")):
                out.append(os.path.normpath(os.path.join(rel_dir, fn)).replace(os.sep, "/"))
    return out


def main():
    ap = argparse.ArgumentParser(description="Plant one everyday mistake in each of 60 real SAM templates.")
    ap.add_argument("--samlint", default="./samlint")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--scratch", default=None, help="folder for the copies, kept (default: a new one in /tmp, removed at the end)")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--samlint-args", default="", help="extra samlint options, e.g. '--ignore SL602'")
    ap.add_argument("--quiet", action="store_true", help="the table only, no line per plant")
    ap.add_argument("--sweep", type=int, default=0, metavar="N",
                    help="instead of the 60: up to N plants of each kind in every candidate, one per copy; "
                         "prints the table and the plants samlint misses or reports elsewhere")
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "corpus")
    if not os.path.isdir(corpus) or not os.path.isdir(os.path.join(a.shared, "schemas")):
        sys.stderr.write("plant.py: no corpus/schemas under %s\n" % a.shared)
        return 2
    scratch = a.scratch
    if scratch is None:
        import atexit
        import tempfile
        scratch = tempfile.mkdtemp(prefix="samlint-plant.")
        atexit.register(shutil.rmtree, scratch, True)
    elif os.path.isdir(scratch):
        shutil.rmtree(scratch)
    os.makedirs(scratch, exist_ok=True)
    schemas = Schemas(os.path.join(a.shared, "schemas"))
    extra = a.samlint_args.split()

    # 1. SAM templates whose unplanted copy lints with no SL6xx / SL004 finding
    temps = {}
    for rel in candidates(corpus):
        try:
            with open(os.path.join(corpus, rel), encoding="utf-8", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue
        if text.startswith("\ufeff") or "\t" in text and not rel.endswith(".json"):
            continue
        try:
            t = Template(rel, text, schemas)
        except yaml.YAMLError:
            continue
        if isinstance(t.root, yaml.MappingNode) and t.is_sam() and t.resources:
            temps[rel] = t
    pre = {}
    for n, rel in enumerate(sorted(temps)):
        p = os.path.join(scratch, "pre", "%04d" % n, os.path.basename(rel))
        os.makedirs(os.path.dirname(p))
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(temps[rel].text)
        pre[p] = rel
    before = lint(a.samlint, sorted(pre), [])
    clean = sorted(pre[p] for p, fs in before.items()
                   if p in pre and not any(f["rule"].startswith("SL6") or f["rule"] == "SL004" for f in fs))
    shutil.rmtree(os.path.join(scratch, "pre"))

    # 2. a deterministic order spread over the source repositories, JSON first in each
    rng = random.Random(a.seed)
    by_repo = {}
    for rel in clean:
        by_repo.setdefault(rel.split("/", 1)[0], []).append(rel)
    for repo in sorted(by_repo):
        rng.shuffle(by_repo[repo])
        by_repo[repo].sort(key=lambda r: not r.endswith(".json"))
    order = []
    lists = [by_repo[r] for r in sorted(by_repo)]
    while any(lists):
        for lst in lists:
            if lst:
                order.append(lst.pop(0))

    # 3. one site per template, ten per kind, the site's place (SAM, CFN, Globals, ...) rotating
    sites = {rel: temps[rel].sites(random.Random("%d:%s" % (a.seed, rel))) for rel in order}
    def sound(rel, s):
        """The planted copy is still YAML (or JSON): the mistake is the only change a linter sees."""
        t = temps[rel]
        try:
            yaml.compose(t.text[:s.start] + s.new + t.text[s.end:], Loader=LOADER)
            return True
        except yaml.YAMLError:
            if os.environ.get("PLANT_DEBUG"):
                sys.stderr.write("plant.py: dropped %s %s:%d %s\n" % (s.kind, rel, s.line, s.what))
            return False

    used, plan = set(), []
    if a.sweep:
        for rel in order:
            for kind, _ in KINDS:
                got = sites[rel][kind][:]
                rng.shuffle(got)
                plan.extend((rel, s) for s in [s for s in got if sound(rel, s)][:a.sweep])
    wheel = ["SAM", "CFN", "Globals", "SAM event", "Outputs"]
    for n in range(0 if a.sweep else PER_KIND * len(KINDS)):
        kind = KINDS[n % len(KINDS)][0]
        turn = n // len(KINDS)
        want = [wheel[(turn + i) % len(wheel)] for i in range(len(wheel))]
        pick = None
        for w in want:
            for rel in order:
                if rel in used:
                    continue
                ok = [s for s in sites[rel][kind] if s.where == w]
                rng.shuffle(ok)
                ok = next((s for s in ok if sound(rel, s)), None)
                if ok:
                    pick = (rel, ok)
                    break
            if pick:
                break
        if not pick:
            sys.stderr.write("plant.py: no template left for %s\n" % kind)
            return 1
        used.add(pick[0])
        plan.append(pick)

    # 4. plant, lint, judge
    paths = []
    for n, (rel, s) in enumerate(plan):
        t = temps[rel]
        text = t.text[:s.start] + s.new + t.text[s.end:]
        p = os.path.join(scratch, "%02d-%s" % (n + 1, s.kind) if not a.sweep else "%05d" % n,
                         os.path.basename(rel))
        os.makedirs(os.path.dirname(p))
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        paths.append(p)
    after = lint(a.samlint, paths, extra)

    rows, tally = [], {k: [0, 0, 0, 0] for k, _ in KINDS}
    for p, (rel, s) in zip(paths, plan):
        rule = expected_rule(s.kind)
        fs = [f for f in after.get(p, []) if f["rule"] == rule]
        at = [f for f in fs if f["line"] == s.line]
        says = [f for f in at if s.expect and (s.expect in f["message"] or s.kind == "enum-value" and re.search(
            r"(^|[ ,'])%s([',]|$)" % re.escape(s.expect.strip("'")), f["message"]))]
        best = says[0] if says else at[0] if at else (fs[0] if fs else None)
        tally[s.kind][0] += 1
        tally[s.kind][1] += bool(fs)
        tally[s.kind][2] += bool(at)
        tally[s.kind][3] += bool(says)
        rows.append((s, rel, best, bool(fs), bool(at), bool(says)))

    print("Planted mistakes (seed %d, %d %s from %d repositories, %d in JSON; scratch %s)"
          % (a.seed, len(plan), "plants" if a.sweep else "templates", len({r.split('/', 1)[0] for r, _ in plan}),
             sum(r.endswith(".json") for r, _ in plan), scratch))
    print("candidates: %d SAM templates in the corpus (SAM's translator inputs aside), %d with no SL6xx/SL004 finding"
          % (len(temps), len(clean)))
    print()
    print("%-17s %-6s %7s %8s %8s" % ("kind", "rule", "caught", "at line", "says fix"))
    tot = [0, 0, 0, 0]
    for k, rule in KINDS:
        n, c, l, m = tally[k]
        tot = [tot[0] + n, tot[1] + c, tot[2] + l, tot[3] + m]
        print("%-17s %-6s %4d/%-3d %4d/%-3d %4d/%-3d" % (k, rule, c, n, l, n, m, n))
    print("%-17s %-6s %4d/%-3d %4d/%-3d %4d/%-3d" % ("total", "", tot[1], tot[0], tot[2], tot[0], tot[3], tot[0]))
    print()
    print("caught: a finding of the rule in the file; at line: at the mistake's line; says fix: that")
    print("finding names what is meant (did you mean 'MemorySize'?, the valid value, the missing key)")
    if not a.quiet:
        print()
        for n, (s, rel, best, caught, at, says) in enumerate(rows):
            mark = "at line" if says else "at line, no fix named" if at else (
                "caught elsewhere" if caught else "MISSED")
            if a.sweep and says and not os.environ.get("PLANT_DEBUG"):
                continue
            print("%2d %-16s %-9s %s:%d:%d  %s" % (n + 1, s.kind, s.where, rel, s.line, s.col, s.what))
            if best:
                print("   %s %s at %d:%d: %s" % (mark, best["rule"], best["line"], best["column"], best["message"]))
            else:
                print("   %s" % mark)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # make plant | head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
