# sarif_contract.py LOG [ROOT]: what GitHub code scanning needs from a samlint SARIF log
# (RULES.md's output contract), checked without the OASIS schema, so that a fresh
# clone runs it too. Prints one line a problem; exit 1 when there is any.
import json, re, sys

log_path = sys.argv[1]
machine_root = sys.argv[2] if len(sys.argv) > 2 else None
text = open(log_path, encoding="utf-8").read()
log = json.loads(text)
problems = []
def bad(what):
    problems.append(what)

if log.get("version") != "2.1.0" or len(log.get("runs", [])) != 1:
    bad("not one SARIF 2.1.0 run")
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
for r in rules:
    rid = r.get("id", "?")
    for key in ("shortDescription", "fullDescription"):
        t = r.get(key, {}).get("text", "")
        if not t or len(t) > 1024:
            bad(f"{rid}: {key} is {len(t)} characters (1..1024)")
    help_ = r.get("help", {})
    ht, hm = help_.get("text", ""), help_.get("markdown", "")
    if not hm.startswith("# " + rid):
        bad(f"{rid}: help.markdown is not the rule page")
    if not ht or "```" in ht or "`" in ht or re.search(r"(?m)^#", ht) or "**" in ht:
        bad(f"{rid}: help.text holds Markdown")
    if r.get("properties", {}).get("problem.severity") not in ("error", "warning", "recommendation"):
        bad(f"{rid}: no properties.problem.severity")
    if not r.get("helpUri", "").endswith(rid + ".md"):
        bad(f"{rid}: helpUri")
for base, loc in run.get("originalUriBaseIds", {}).items():
    if "uri" in loc:
        bad(f"originalUriBaseIds.{base} names a machine path: {loc['uri']}")
fp_re = re.compile(r"^[0-9a-f]{16}:[0-9]+$")
for i, res in enumerate(run.get("results", [])):
    fps = res.get("partialFingerprints", {})
    if not fp_re.match(fps.get("primaryLocationLineHash", "")):
        bad(f"result {i}: primaryLocationLineHash {fps.get('primaryLocationLineHash')!r}")
    if rules[res["ruleIndex"]]["id"] != res["ruleId"]:
        bad(f"result {i}: ruleIndex does not point at {res['ruleId']}")
    for loc in res.get("locations", []):
        art = loc["physicalLocation"]["artifactLocation"]
        uri = art.get("uri", "")
        if not uri or uri.startswith("/") or re.match(r"^[a-z][a-z0-9+.-]*:", uri) or uri.startswith("./"):
            bad(f"result {i}: uri {uri!r} is not relative")
        if art.get("uriBaseId") != "%SRCROOT%":
            bad(f"result {i}: no uriBaseId")
    if "baselineState" in res and res["baselineState"] not in ("new", "unchanged", "updated", "absent"):
        bad(f"result {i}: baselineState {res['baselineState']!r}")
    for s in res.get("suppressions", []):
        if s.get("kind") not in ("inSource", "external"):
            bad(f"result {i}: suppression kind {s.get('kind')!r}")
if machine_root and re.search(r"(?<![.\w])" + re.escape(machine_root), text):
    bad(f"the log holds the machine path {machine_root}")
for p in problems[:20]:
    print(p)
sys.exit(1 if problems else 0)
