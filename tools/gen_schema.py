#!/usr/bin/env python3
"""gen_schema.py: compile the CloudFormation registry schemas and SAM's schema
into static C tables for src/schema.c (src/schema_data.c + src/schema_data.h).

Usage: tools/gen_schema.py [SHARED_SCHEMAS_DIR] [OUT_DIR]
  defaults: ../shared/schemas and src (relative to the repository root).

Only the Python 3 standard library; run it when the schemas or the overlay
(rules/data/schema_overlay.json) change. The output is committed: building
samlint needs neither Python nor ../shared.

Layout of the output (read by src/schema.c; see src/schema_data.h):
  schema_str[]    one string pool, NUL-separated; a string is its offset.
  schema_code[]   every compiled schema node as a run of uint32 words: a
                  node is its offset. Word 0 holds the JSON types (low 7
                  bits) and which fields follow (SN_* bits), word 1 more
                  bits (SX_*); then the fields in bit order, and last, for
                  SX_DISCRIM, the key, a count and (value, branch) pairs.
                  Identical subschemas are stored once.
  schema_nums[]   numeric bounds (minimum / maximum), by index.
  schema_patterns[] the pattern strings, by pattern id (a cache slot each).
  schema_types[]  sorted by name: each type's Properties node, its
                  resource-level node (SAM) and its read-only paths.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

T_OBJ, T_ARR, T_STR, T_INT, T_NUM, T_BOOL, T_NULL = 1, 2, 4, 8, 16, 32, 64
TYPE_BITS = {"object": T_OBJ, "array": T_ARR, "string": T_STR, "integer": T_INT,
             "number": T_NUM, "boolean": T_BOOL, "null": T_NULL}

# Word 0 field bits (after the 7 type bits); the fields follow in this order.
FIELDS = ["PROPS", "ADDL_FALSE", "ADDL", "PATPROPS", "REQUIRED", "ENUM", "ENUM_CI",
          "PATTERN", "MINLEN", "MAXLEN", "MIN", "MAX", "EXMIN", "EXMAX", "ITEMS",
          "MINITEMS", "MAXITEMS", "UNIQUE", "ALLOF", "ANYOF", "ONEOF", "NOT", "COMBOS", "FORMAT"]
BIT = {name: 1 << (8 + i) for i, name in enumerate(FIELDS)}
# Word 1 bits.
X_DISCRIM = 1      # anyOf/oneOf branches told apart by one key's literal value: key follows
X_COMBO_ONLY = 2   # every anyOf/oneOf branch only says which keys are present
X_CONST = 4        # the enum is a const (one value)
X_SAM = 8          # compiled from SAM's own schema (not a registry property SAM passes on)

C_NEEDS, C_EXCLUDES, C_XOR, C_OR = 1, 2, 3, 4

# The registry's `format`s samlint checks (src/schema.c, check_format), as
# ids 1.. in this order. Each was checked against AWS's documentation for
# the places it stands (see fmt_id); every other format is left unchecked.
FORMATS = ["IPV4", "IPV4_VPC", "IPV6", "DATETIME", "VPC_ID", "SUBNET_ID", "SG_ID", "AMI_ID", "KMS_KEY",
           "SNS_ARN", "CERT_ARN"]
FMT = {name: i + 1 for i, name in enumerate(FORMATS)}
# EC2 blocks that must be a network (no host bits) of /16 to /28 (Amazon VPC
# User Guide, "VPC CIDR blocks" and "Subnet CIDR blocks").
VPC_BLOCKS = {("AWS::EC2::VPC", "CidrBlock"), ("AWS::EC2::Subnet", "CidrBlock"), ("AWS::EC2::VPCCidrBlock", "CidrBlock")}


def fmt_id(fmt, type_name, prop):
    """The format check for `format` at property `prop` of `type_name`, or 0."""
    if fmt == "ipv4-network":
        # Security-group, ACL and route CIDRs: EC2 canonicalizes host bits
        # (10.0.0.18/18 becomes 10.0.0.0/18), so only the shape is judged there.
        return FMT["IPV4_VPC"] if (type_name, prop) in VPC_BLOCKS else FMT["IPV4"]
    if fmt == "ipv6-network":
        return FMT["IPV6"]
    if fmt == "date-time":
        return FMT["DATETIME"]
    if fmt == "AWS::EC2::VPC.Id":
        return FMT["VPC_ID"]
    if fmt == "AWS::EC2::Subnet.Id":
        return FMT["SUBNET_ID"]
    if fmt == "AWS::EC2::SecurityGroup.Id":
        # Only where the property names an id: a launch template's
        # SecurityGroups takes group names, MediaLive's input security
        # groups have ids of their own.
        if "Id" not in prop or type_name.startswith("AWS::MediaLive::"):
            return 0
        return FMT["SG_ID"]
    if fmt == "AWS::EC2::Image.Id":
        return FMT["AMI_ID"]
    if fmt in ("AWS::KMS::Key.Arn", "AWS::KMS::Key.Id", "AWS::KMS::Alias.AliasName"):
        # Any of KMS's four key identifiers (key id, key ARN, alias name,
        # alias ARN): a KmsKeyId often takes each of them.
        return FMT["KMS_KEY"]
    if fmt == "AWS::SNS::Topic.Arn":
        return FMT["SNS_ARN"]
    if fmt == "AWS::ACM::Certificate.Arn":
        return FMT["CERT_ARN"]
    return 0

# SAM properties passed on to CloudFormation with keys of SAM's own added.
SAM_EXTENDED = {"DestinationConfig"}


class Pool:
    def __init__(self):
        self.data = bytearray(b"\0")
        self.index = {"": 0}

    def add(self, s):
        if s in self.index:
            return self.index[s]
        off = len(self.data)
        self.data += s.encode("utf-8") + b"\0"
        self.index[s] = off
        return off


class Compiler:
    def __init__(self):
        self.pool = Pool()
        self.nums = []
        self.num_index = {}
        self.patterns = []
        self.pattern_index = {}
        self.nodes = []          # id -> fields dict, or ("alias", id)
        self.canon = {}          # canonical tuple -> id
        self.defs = {}           # (doc key, def name) -> id
        self.reserved_used = set()
        self.in_progress = {}
        self.sam_desc = False    # attach property descriptions (SAM only)
        self.intern({})          # node 0 (offset 0): anything goes

    def num(self, v):
        v = float(v)
        if v not in self.num_index:
            self.num_index[v] = len(self.nums)
            self.nums.append(v)
        return self.num_index[v]

    def pattern(self, p):
        if p not in self.pattern_index:
            self.pattern_index[p] = len(self.patterns)
            self.patterns.append(self.pool.add(p))
        return self.pattern_index[p]

    def intern(self, fields):
        key = tuple(sorted(fields.items()))
        got = self.canon.get(key)
        if got is not None:
            return got
        nid = len(self.nodes)
        self.nodes.append(fields)
        self.canon[key] = nid
        return nid

    # ---- compiling one JSON-schema object ----
    def compile(self, s, doc):
        """doc: (key, root dict, resolver) for $ref lookups."""
        if s is True or s is None or s == {}:
            return self.intern({})
        if s is False:
            return self.intern({"w1": 0, "NOT": self.intern({})})
        if not isinstance(s, dict):
            return self.intern({})
        if "$ref" in s:
            target = self.ref(s["$ref"], doc)
            rest = {k: v for k, v in s.items() if k not in ("$ref", "title", "description",
                                                              "markdownDescription", "$comment")}
            if not rest:
                return target
            return self.intern({"ALLOF": (target, self.compile(rest, doc))})
        f = {}
        if isinstance(s.get("format"), str) and doc[0] != "sam":
            fid = fmt_id(s["format"], doc[0], getattr(self, "prop_name", ""))
            if fid:
                f["FORMAT"] = fid
        t = s.get("type")
        types = 0
        if isinstance(t, str):
            types = TYPE_BITS.get(t, 0)
        elif isinstance(t, list):
            for x in t:
                types |= TYPE_BITS.get(x, 0)
        if types:
            f["types"] = types
        props = s.get("properties")
        if isinstance(props, dict) and props:
            items = []
            for name in sorted(props, key=name_order):
                sub = props[name]
                self.prop_name = name
                child = self.compile(self.sam_passthrough(sub, doc), doc)
                desc = self.pool.add(self.describe(sub)) if self.sam_desc else 0
                items.append((self.pool.add(name) | len(name.encode("utf-8")) << 20, child, desc))
            f["PROPS"] = tuple(items)
        ap = s.get("additionalProperties")
        if ap is False:
            f["ADDL_FALSE"] = True
        elif isinstance(ap, dict) and ap:
            f["ADDL"] = self.compile(ap, doc)
        pp = s.get("patternProperties")
        if isinstance(pp, dict) and pp:
            f["PATPROPS"] = tuple((self.pattern(k), self.compile(v, doc)) for k, v in sorted(pp.items()))
        req = s.get("required")
        if isinstance(req, list) and req:
            f["REQUIRED"] = tuple(self.pool.add(r) for r in sorted(set(req)))
        enum = s.get("enum")
        if "const" in s:
            enum = [s["const"]]
            f["w1"] = f.get("w1", 0) | X_CONST
        if isinstance(enum, list) and enum:
            vals = []
            for v in enum:
                if isinstance(v, bool):
                    vals.append("true" if v else "false")
                elif isinstance(v, (int, float)):
                    vals.append(repr(v) if isinstance(v, float) and not v.is_integer() else str(int(v)))
                elif isinstance(v, str):
                    vals.append(v)
            if vals:
                f["ENUM"] = tuple(self.pool.add(v) for v in vals)
                if s.get("enumCaseInsensitive"):
                    f["ENUM_CI"] = True
        if isinstance(s.get("pattern"), str):
            f["PATTERN"] = self.pattern(s["pattern"])
        for key, name in (("minLength", "MINLEN"), ("maxLength", "MAXLEN"),
                          ("minItems", "MINITEMS"), ("maxItems", "MAXITEMS")):
            v = s.get(key)
            if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**32:
                f[name] = v
        for key, name, ex in (("minimum", "MIN", "exclusiveMinimum"), ("maximum", "MAX", "exclusiveMaximum")):
            v = s.get(key)
            e = s.get(ex)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                f[name] = self.num(v)
                if e is True:
                    f["EX" + name] = True
            elif isinstance(e, (int, float)) and not isinstance(e, bool):
                f[name] = self.num(e)
                f["EX" + name] = True
        items = s.get("items")
        if isinstance(items, dict) and items:
            f["ITEMS"] = self.compile(items, doc)
        if s.get("uniqueItems") is True:
            f["UNIQUE"] = True
        for key, name in (("allOf", "ALLOF"), ("anyOf", "ANYOF"), ("oneOf", "ONEOF")):
            v = s.get(key)
            if isinstance(v, list) and v:
                branches = [b for b in v if isinstance(b, dict)]
                if key == "anyOf" and self.sam_desc:
                    branches = self.drop_bare_object(branches, doc)
                if branches:
                    f[name] = tuple(self.compile(b, doc) for b in branches)
                    if key == "anyOf" and len(set(f[name])) == 1 and len(f[name]) > 1:
                        f["ALLOF"] = f.get("ALLOF", ()) + (f.pop(name)[0],)
                    elif key != "allOf":
                        self.mark_branches(f, branches, doc)
        if isinstance(s.get("not"), dict):
            f["NOT"] = self.compile(s["not"], doc)
        combos = []
        for key, kind in (("dependentRequired", C_NEEDS), ("dependentExcluded", C_EXCLUDES), ("dependencies", C_NEEDS)):
            v = s.get(key)
            if isinstance(v, dict):
                for a, b in sorted(v.items()):
                    if isinstance(b, list) and b:
                        combos.append((kind, self.pool.add(a), tuple(self.pool.add(x) for x in b)))
                    elif isinstance(b, dict) and isinstance(b.get("required"), list) and len(b) == 1:
                        combos.append((kind, self.pool.add(a), tuple(self.pool.add(x) for x in b["required"])))
        for key, kind in (("requiredXor", C_XOR), ("requiredOr", C_OR)):
            v = s.get(key)
            if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
                combos.append((kind, 0, tuple(self.pool.add(x) for x in v)))
        if combos:
            f["COMBOS"] = tuple(combos)
        if self.sam_desc and f:
            f["w1"] = f.get("w1", 0) | X_SAM
        return self.intern(f)

    def resolve_ref(self, ref, doc):
        """The dict a local $ref names, or None."""
        if not ref.startswith("#/"):
            return None
        node = doc[1]
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def ref(self, ref, doc):
        key = (doc[0], ref)
        if key in self.defs:
            nid = self.defs[key]
            if nid in self.in_progress.values():
                self.reserved_used.add(nid)
            return nid
        target = self.resolve_ref(ref, doc)
        if target is None:
            return self.intern({})
        # Reserve an id so that a definition may refer to itself.
        rid = len(self.nodes)
        self.nodes.append(None)
        self.defs[key] = rid
        self.in_progress[key] = rid
        body = self.compile(target, doc)
        del self.in_progress[key]
        if body == rid:
            body = self.intern({})
            self.reserved_used.discard(rid)
        if rid in self.reserved_used:
            self.nodes[rid] = ("alias", body)
        else:
            self.nodes[rid] = ("unused",)
            self.defs[key] = body
        return self.defs[key] if rid not in self.reserved_used else rid

    def resolved(self, s, doc, depth=0):
        """Follow $ref and one-branch allOf to the dict that says something."""
        while isinstance(s, dict) and depth < 20:
            depth += 1
            if "$ref" in s and len(s) == 1:
                s = self.resolve_ref(s["$ref"], doc)
            elif "allOf" in s and len(s["allOf"]) == 1 and not (set(s) - {"allOf", "title", "markdownDescription", "description"}):
                s = s["allOf"][0]
            else:
                break
        return s

    def drop_bare_object(self, branches, doc):
        """SAM writes anyOf [{type: object}, X] so that an intrinsic function
        passes; samlint judges intrinsics itself, so the bare object branch
        goes when another branch is an object too."""
        def is_bare_obj(b):
            b = self.resolved(b, doc)
            return isinstance(b, dict) and b.get("type") == "object" and not (set(b) - {"type", "title"})

        def is_obj(b):
            b = self.resolved(b, doc)
            return isinstance(b, dict) and (b.get("type") == "object" or "properties" in b)
        if any(is_bare_obj(b) for b in branches) and any(is_obj(b) and not is_bare_obj(b) for b in branches):
            return [b for b in branches if not is_bare_obj(b)]
        return branches

    def mark_branches(self, f, branches, doc):
        rs = [self.resolved(b, doc) for b in branches]
        # Key-presence branches: {required: [...]} (maybe with a not of the same).
        def presence(b):
            return isinstance(b, dict) and b and not (set(b) - {"required", "not", "title", "description", "$comment", "properties"}) \
                and ("properties" not in b or all(v == {} or (isinstance(v, dict) and not v) for v in b["properties"].values())) \
                and ("required" in b or "not" in b)
        if all(presence(b) for b in rs):
            f["w1"] = f.get("w1", 0) | X_COMBO_ONLY
            return
        # Discriminated: every branch an object with the same key fixed to one value.
        keys = None
        for b in rs:
            if not isinstance(b, dict):
                return
            fixed = set()
            for k, v in (b.get("properties") or {}).items():
                v = self.resolved(v, doc)
                if isinstance(v, dict) and isinstance(v.get("enum"), list) and len(v["enum"]) == 1 and isinstance(v["enum"][0], str):
                    fixed.add(k)
            keys = fixed if keys is None else keys & fixed
        if keys:
            key = "Type" if "Type" in keys else sorted(keys)[0]
            f["w1"] = f.get("w1", 0) | X_DISCRIM
            f["DISCRIM"] = self.pool.add(key)
            ids = f["ANYOF"] if "ANYOF" in f and len(f["ANYOF"]) == len(rs) else f.get("ONEOF")
            table = []
            for b, bid in zip(rs, ids or ()):
                kv = self.resolved(b["properties"][key], doc)
                table.append((self.pool.add(kv["enum"][0]), bid))
            f["DTABLE"] = tuple(table)

    # ---- SAM specifics ----
    def sam_passthrough(self, sub, doc):
        """A SAM property passed to a CloudFormation property: that property's
        registry schema (when we have it)."""
        if not self.sam_desc or not isinstance(sub, dict):
            return sub
        pt = sub.get("__samPassThrough")
        target = None
        if isinstance(pt, dict) and isinstance(pt.get("schemaPath"), list):
            sp = pt["schemaPath"]
            if len(sp) == 6 and sp[0] == "definitions" and sp[2:5] == ["properties", "Properties", "properties"]:
                target = (sp[1], None, sp[5])
            elif len(sp) == 4 and sp[0] == "definitions" and "." in sp[1] and sp[2] == "properties":
                t, d = sp[1].split(".", 1)
                target = (t, d, sp[3])
        elif sub.get("allOf") == [{"$ref": "#/definitions/PassThroughProp"}] or sub.get("$ref") == "#/definitions/PassThroughProp":
            m = re.search(r"passed directly to the `?\[\s*`?(\w+)`?\]\([^)]*\)`? property of an? `(AWS::[\w:]+)`",
                          sub.get("markdownDescription", ""))
            if m:
                target = (m.group(2), None, m.group(1))
        # Only a property passed on under its own name: SAM changes the others
        # (its EndpointConfiguration.Type becomes the RestApi's Types list),
        # and extends DestinationConfig (OnFailure.Type).
        if not target or target[2] != self.prop_name or self.prop_name in SAM_EXTENDED:
            return sub
        reg = self.registry.get(target[0])
        if not reg:
            return sub
        base = reg
        if target[1]:
            base = (reg.get("definitions") or {}).get(target[1])
            if not isinstance(base, dict):
                return sub
        p = (base.get("properties") or {}).get(target[2])
        if not isinstance(p, dict):
            return sub
        self.cross.append((target[0], p))
        return {"__cross": target[0], "__schema": p}

    def describe(self, sub):
        if not isinstance(sub, dict):
            return ""
        text = sub.get("markdownDescription") or ""
        pt = sub.get("__samPassThrough")
        if isinstance(pt, dict) and pt.get("markdownDescriptionOverride"):
            text = pt["markdownDescriptionOverride"]
        return short_description(text)


def name_order(name):
    """Properties and types are sorted by length, then bytes: a look-up
    compares lengths first and bytes only between names of its length."""
    b = name.encode("utf-8")
    return (len(b), b)


def short_description(text):
    """First sentence or so of a markdown description, as plain text."""
    text = text.split("*Type*")[0]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)   # links
    text = re.sub(r"\(https?://[^)]*\)", "", text)
    text = text.replace("`", "").replace("\\", "").replace("*", "")
    text = " ".join(text.split())
    if text == "TODO":
        return ""
    m = re.match(r"(.{20,}?[.!?])(\s|$)", text)
    if m:
        text = m.group(1)
    if len(text) > 200:
        text = text[:197].rsplit(" ", 1)[0] + "..."
    return text


def apply_sam_overlay(sam, overlay, registry):
    defs = sam["definitions"]
    for e in overlay.get("sam", []):
        d = defs.get(e["definition"])
        if not isinstance(d, dict) or "properties" not in d:
            sys.exit("gen_schema: overlay SAM definition %s not found" % e["definition"])
        if e.get("copy"):
            src = defs.get(e.get("copy_from", ""))
            if not isinstance(src, dict) or "properties" not in src:
                sys.exit("gen_schema: overlay SAM definition %s not found" % e.get("copy_from"))
            for name in e["copy"]:
                if name not in src["properties"]:
                    sys.exit("gen_schema: overlay property %s not in %s" % (name, e["copy_from"]))
                d["properties"].setdefault(name, src["properties"][name])
        for name in e.get("add", []):
            d["properties"].setdefault(name, {"title": name, "markdownDescription": e.get("description", "")})
        for key, value in sorted(e.get("constraints", {}).items()):
            d[key] = value
        for name in e.get("require", []):
            if name not in d["properties"] or name in d.get("required", []):
                sys.exit("gen_schema: overlay: %s is no optional property of %s" % (name, e["definition"]))
            d["required"] = d.get("required", []) + [name]
        for name in e.get("unrequire", []):
            if name not in d.get("required", []):
                sys.exit("gen_schema: overlay: %s is not required in %s" % (name, e["definition"]))
            d["required"] = [r for r in d["required"] if r != name]
        for path, typ in sorted(e.get("also_type", {}).items()):
            also_type(d, path, typ, e["definition"])
        for name, (tn, path) in sorted(e.get("registry", {}).items()):
            # A SAM property SAM passes on as it is (a string) to a registry
            # property: that property's schema for strings; a mapping (an
            # intrinsic function) stays SAM's.
            node = registry.get(tn)
            if not node:
                sys.exit("gen_schema: overlay registry type %s not found" % tn)
            sub = node
            for part in path.split("/"):
                sub = step(node, follow(node, sub), part)
                if not isinstance(sub, dict):
                    sys.exit("gen_schema: overlay registry path %s of %s not found" % (path, tn))
            p = d["properties"][name]
            d["properties"][name] = {"anyOf": [{"type": "object"}, dict(follow(node, sub))],
                                     "markdownDescription": p.get("markdownDescription", "")}
        for name in e.get("also_string", []):
            p = d["properties"][name]
            d["properties"][name] = {"anyOf": [{k: v for k, v in p.items() if k != "markdownDescription"}, {"type": "string"}],
                                     "markdownDescription": p.get("markdownDescription", "")}


def also_type(d, path, typ, where):
    """Let the SAM property at `path` (names joined by '/', '*' for a
    list's items) also be a value of JSON type `typ`."""
    parts = path.split("/")
    holder, key = d["properties"], parts[0]
    for part in parts[1:]:
        node = holder[key]
        if part != "*":
            sys.exit("gen_schema: overlay path %s of %s: only '*' may follow a name" % (path, where))
        if "items" not in node:
            node = next((b for b in node.get("anyOf", []) if isinstance(b, dict) and "items" in b), None)
            if node is None:
                sys.exit("gen_schema: overlay path %s of %s: no list there" % (path, where))
        holder, key = node, "items"
    if key not in holder:
        sys.exit("gen_schema: overlay path %s of %s not found" % (path, where))
    old = holder[key]
    holder[key] = {"anyOf": [{k: v for k, v in old.items() if k != "markdownDescription"}, {"type": typ}],
                   "markdownDescription": old.get("markdownDescription", "")}


def apply_overlay(registry, overlay):
    for e in overlay.get("entries", []):
        s = registry.get(e["type"])
        if not s:
            sys.exit("gen_schema: overlay type %s not in the registry" % e["type"])
        node = s
        for part in e["path"].split("/"):
            node = step(s, follow(s, node), part)
            if not isinstance(node, dict):
                sys.exit("gen_schema: overlay path %s of %s not found" % (e["path"], e["type"]))
        node = follow(s, node)
        for k in ("enum", "minimum", "maximum", "pattern"):
            if k in e:
                node[k] = e[k]


def step(root, node, part):
    """The subschema of `node` for key `part` ('*' for a list's items),
    looking into oneOf / anyOf branches."""
    if not isinstance(node, dict):
        return None
    got = node.get("items") if part == "*" else (node.get("properties") or {}).get(part)
    if isinstance(got, dict):
        return got
    for key in ("oneOf", "anyOf", "allOf"):
        for b in node.get(key) or []:
            got = step(root, follow(root, b), part)
            if isinstance(got, dict):
                return got
    return None


def follow(root, node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        node = root
        for part in ref[2:].split("/"):
            node = node[part]
    return node


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "schemas")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "src")
    resdir = os.path.join(shared, "cloudformation", "resources")
    registry = {}
    for name in sorted(os.listdir(resdir)):
        if name.endswith(".json"):
            with open(os.path.join(resdir, name), encoding="utf-8") as fh:
                s = json.load(fh)
            registry[s["typeName"]] = s
    with open(os.path.join(ROOT, "rules", "data", "schema_overlay.json"), encoding="utf-8") as fh:
        overlay = json.load(fh)
    apply_overlay(registry, overlay)
    with open(os.path.join(shared, "sam", "sam.schema.json"), encoding="utf-8") as fh:
        sam = json.load(fh)
    apply_sam_overlay(sam, overlay, registry)

    c = Compiler()
    c.registry = registry
    c.cross = []
    types = []   # (name, props node, resource node, read-only list, flags)
    orig_compile = c.compile

    def compile_any(s, doc):
        if isinstance(s, dict) and "__cross" in s:
            tn = s["__cross"]
            return orig_compile_cfn(s["__schema"], (tn, registry[tn], None))
        return orig_compile(s, doc)

    def orig_compile_cfn(s, doc):
        saved = c.sam_desc
        c.sam_desc = False
        try:
            return c.compile(s, doc)
        finally:
            c.sam_desc = saved
    c.compile = compile_any

    for tn in sorted(registry):
        s = registry[tn]
        root = {k: v for k, v in s.items() if k in ("properties", "required", "additionalProperties", "oneOf", "anyOf",
                                                    "allOf", "dependentRequired", "dependentExcluded", "dependencies",
                                                    "requiredXor", "requiredOr", "patternProperties")}
        root["type"] = "object"
        node = c.compile(root, (tn, s, None))
        ro = []
        for p in s.get("readOnlyProperties") or []:
            if p.startswith("/properties/"):
                ro.append(c.pool.add(p[len("/properties/"):]))
        types.append((tn, node, 0, tuple(ro), 0))

    c.sam_desc = True
    sdoc = ("sam", sam, None)
    defs = sam["definitions"]
    pre = "samtranslator__internal__schema_source__"
    sam_types = {}
    for dname, d in defs.items():
        if dname.startswith(pre) and dname.endswith("__Resource"):
            t = (d.get("properties") or {}).get("Type", {}).get("enum")
            if t and t[0].startswith("AWS::Serverless::"):
                sam_types[t[0]] = dname
    for tn in sorted(sam_types):
        d = defs[sam_types[tn]]
        res_node = c.compile({k: v for k, v in d.items() if k != "properties"} | {
            "properties": {k: v for k, v in d["properties"].items() if k not in ("Properties",)}}, sdoc)
        pdef = d["properties"].get("Properties")
        props_node = c.compile(pdef, sdoc) if pdef else c.intern({})
        flags = 1 if "Properties" in (d.get("required") or []) else 0
        types.append((tn, props_node, res_node, (), 2 | flags))
    globals_node = c.compile(defs["__main____Globals"], sdoc)

    types.sort(key=lambda x: name_order(x[0]))
    write(c, types, globals_node, out)


def write(c, types, globals_node, out):
    # Assign offsets (node sizes do not depend on where children are).
    offsets = {}
    code = []
    order = [i for i, n in enumerate(c.nodes) if isinstance(n, dict)]

    def size(f):
        n = 2
        for name in FIELDS:
            if name not in f or f[name] is True:
                continue
            v = f[name]
            if name == "PROPS":
                n += 1 + 3 * len(v)
            elif name == "PATPROPS":
                n += 1 + 2 * len(v)
            elif name in ("REQUIRED", "ENUM", "ALLOF", "ANYOF", "ONEOF"):
                n += 1 + len(v)
            elif name == "COMBOS":
                n += 1 + sum(3 + len(x[2]) for x in v)
            else:
                n += 1
        if "DISCRIM" in f:
            n += 2 + 2 * len(f["DTABLE"])
        return n
    pos = 0
    for i in order:
        offsets[i] = pos
        pos += size(c.nodes[i])
    for i, n in enumerate(c.nodes):
        if isinstance(n, tuple) and n[0] == "alias":
            tgt = n[1]
            while isinstance(c.nodes[tgt], tuple):
                tgt = c.nodes[tgt][1]
            offsets[i] = offsets[tgt]

    def off(i):
        return offsets[i]
    for i in order:
        f = c.nodes[i]
        w0 = f.get("types", 0)
        for name in FIELDS:
            if name in f:
                w0 |= BIT[name]
        w1 = f.get("w1", 0)
        words = [w0, w1]
        for name in FIELDS:
            if name not in f or f[name] is True:
                continue
            v = f[name]
            if name == "PROPS":
                words.append(len(v))
                for nm, ch, desc in v:
                    words += [nm, off(ch), desc]
            elif name == "PATPROPS":
                words.append(len(v))
                for pid, ch in v:
                    words += [pid, off(ch)]
            elif name in ("REQUIRED", "ENUM"):
                words.append(len(v))
                words += list(v)
            elif name in ("ALLOF", "ANYOF", "ONEOF"):
                words.append(len(v))
                words += [off(x) for x in v]
            elif name in ("ADDL", "ITEMS", "NOT"):
                words.append(off(v))
            elif name == "COMBOS":
                words.append(len(v))
                for kind, a, lst in v:
                    words += [kind, a, len(lst)] + list(lst)
            else:
                words.append(v)
        if "DISCRIM" in f:
            words.append(f["DISCRIM"])
            words.append(len(f["DTABLE"]))
            for val, bid in f["DTABLE"]:
                words += [val, off(bid)]
        assert len(words) == size(f), (f, words)
        code += words

    ro_words = []
    type_rows = []
    for tn, node, res, ro, flags in types:
        first = len(ro_words)
        ro_words += list(ro)
        type_rows.append((c.pool.add(tn), len(tn.encode("utf-8")), off(node), off(res) if res else 0, first, len(ro), flags))
    hdr = os.path.join(out, "schema_data.h")
    src = os.path.join(out, "schema_data.c")
    with open(hdr, "w", encoding="utf-8") as fh:
        fh.write(HEADER % {"fields": "\n".join("    SN_%s = 1u << %d," % (n, 8 + i) for i, n in enumerate(FIELDS) if 8 + i < 31),
                           "big": "\n".join("#define SN_%s (1u << %d)" % (n, 8 + i) for i, n in enumerate(FIELDS) if 8 + i >= 31),
                           "formats": "\n".join("    SFMT_%s = %d," % (n, i + 1) for i, n in enumerate(FORMATS))})
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("/* schema_data: generated by tools/gen_schema.py from ../shared/schemas and\n"
                 " * rules/data/schema_overlay.json. Do not edit: run `python3 tools/gen_schema.py`. */\n")
        fh.write('#include "schema_data.h"\n\n')
        fh.write("const char schema_str[%d] =\n" % len(c.pool.data))
        data = bytes(c.pool.data)
        line = []
        width = 0
        chunks = []
        for b in data:
            if b == 0:
                e = "\\000"
            elif b == 0x22:
                e = '\\"'
            elif b == 0x5c:
                e = "\\\\"
            elif 0x20 <= b < 0x7f and b != 0x3f:
                e = chr(b)
            else:
                e = "\\%03o" % b
            line.append(e)
            width += len(e)
            if width > 100:
                chunks.append('    "' + "".join(line) + '"')
                line = []
                width = 0
        if line:
            chunks.append('    "' + "".join(line) + '"')
        fh.write("\n".join(chunks) + ";\n\n")
        fh.write("const uint32_t schema_code[%d] = {\n" % max(1, len(code)))
        for i in range(0, len(code), 16):
            fh.write("    " + ",".join(str(x) for x in code[i:i + 16]) + ",\n")
        fh.write("};\n\n")
        fh.write("const double schema_nums[%d] = {\n" % max(1, len(c.nums)))
        for v in c.nums:
            fh.write("    %r,\n" % v)
        fh.write("};\n\n")
        fh.write("const uint32_t schema_patterns[%d] = {\n" % max(1, len(c.patterns)))
        for i in range(0, len(c.patterns), 16):
            fh.write("    " + ",".join(str(x) for x in c.patterns[i:i + 16]) + ",\n")
        fh.write("};\n\n")
        fh.write("const uint32_t schema_readonly[%d] = {\n" % max(1, len(ro_words)))
        for i in range(0, len(ro_words), 16):
            fh.write("    " + ",".join(str(x) for x in ro_words[i:i + 16]) + ",\n")
        if not ro_words:
            fh.write("    0,\n")
        fh.write("};\n\n")
        fh.write("const schema_type_row schema_types[%d] = {\n" % len(type_rows))
        for r in type_rows:
            fh.write("    {%d, %d, %d, %d, %d, %d, %d},\n" % r)
        fh.write("};\n\n")
        fh.write("const uint32_t schema_n_types = %d;\n" % len(type_rows))
        fh.write("const uint32_t schema_n_patterns = %d;\n" % len(c.patterns))
        fh.write("const uint32_t schema_globals = %d;\n" % off(globals_node))
    if len(c.pool.data) >= 1 << 20:
        sys.exit("gen_schema: the string pool outgrew the 20 bits a property name offset has")
    print("gen_schema: %d types, %d nodes (%d words), %d strings (%d bytes), %d patterns -> %s"
          % (len(type_rows), len(order), len(code), len(c.pool.index), len(c.pool.data), len(c.patterns), src))


HEADER = """/* schema_data: the compiled schema tables (generated by tools/gen_schema.py;
 * the layout is described there). Read through src/schema.h. */
#ifndef SAMLINT_SCHEMA_DATA_H
#define SAMLINT_SCHEMA_DATA_H

#include <stdint.h>

/* Word 0 of a node: JSON types in the low bits, then which fields follow. */
enum {
    ST_OBJ = 1, ST_ARR = 2, ST_STR = 4, ST_INT = 8, ST_NUM = 16, ST_BOOL = 32, ST_NULL = 64,
%(fields)s
};
%(big)s
/* A node's FORMAT: which of samlint's format checks its string gets. */
enum {
    SFMT_NONE = 0,
%(formats)s
};
/* A property's name word: string offset in the low 20 bits, length above
 * (properties are sorted by length, then bytes). */
#define SCHEMA_NAME_OFF(w) ((w) & 0xfffffu)
#define SCHEMA_NAME_LEN(w) ((w) >> 20)
/* Word 1 of a node. */
enum { SX_DISCRIM = 1, SX_COMBO_ONLY = 2, SX_CONST = 4, SX_SAM = 8 /* from SAM's own schema */ };
/* Kinds of a COMBOS entry: kind, key (0 for none), count, keys. */
enum { SC_NEEDS = 1, SC_EXCLUDES = 2, SC_XOR = 3, SC_OR = 4 };
/* Type row flags. */
enum { SF_PROPS_REQUIRED = 1, SF_SAM = 2 };

typedef struct schema_type_row {
    uint32_t name;      /* string */
    uint32_t len;       /* its length (rows are sorted by length, then bytes) */
    uint32_t props;     /* node for the Properties mapping */
    uint32_t resource;  /* SAM: node for the resource mapping; 0 otherwise */
    uint32_t ro_first;  /* read-only property paths in schema_readonly[] */
    uint32_t ro_n;
    uint32_t flags;     /* SF_* */
} schema_type_row;

extern const char schema_str[];
extern const uint32_t schema_code[];
extern const double schema_nums[];
extern const uint32_t schema_patterns[];
extern const uint32_t schema_readonly[];
extern const schema_type_row schema_types[];
extern const uint32_t schema_n_types;
extern const uint32_t schema_n_patterns;
extern const uint32_t schema_globals;

#endif
"""

if __name__ == "__main__":
    main()
