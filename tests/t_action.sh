# GitHub Action: action.yml's steps run here as the runner would (tests/action_runner.py:
# expressions, if:, outputs, GITHUB_OUTPUT/PATH, stand-ins for checkout, cache and upload-sarif),
# then the SARIF, annotations, outputs, cache, working-directory and error cases are checked.

ac="$TMP/action"
mkdir -p "$ac"
# A python3 with PyYAML (Debian's python3-yaml, which pre-commit pulls in).
py=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then py=$p; break; fi
done

# run_action NAME WORKSPACE INPUTS_JSON [ENV_JSON]: the composite action alone; report in $ac/NAME.json.
run_action() {
    local name=$1 ws=$2 inputs=$3 env=${4:-"{}"}
    printf '{"action": "%s", "inputs": %s, "workspace": "%s", "temp": "%s", "cache": "%s", "log": "%s", "env": %s}\n' \
        "$ROOT" "$inputs" "$ws" "$ac/$name.temp" "$ac/cache" "$ac/$name.log" "$env" > "$ac/$name.cfg"
    "$py" "$ROOT/tests/action_runner.py" "$ac/$name.cfg" > "$ac/$name.json" 2> "$ac/$name.err"
}
# q NAME PYTHON-EXPR: evaluate over the report r (and steps s, by id or name).
q() {
    "$py" -c 'import json, sys
r = json.load(open(sys.argv[1]))
s = {}
for e in r["steps"]:
    s[e["id"]] = e; s[e["name"]] = e
log = lambda k: open(s[k]["log"]).read() if "log" in s[k] else ""
print(eval(sys.argv[2]))' "$ac/$1.json" "$2" 2>&1
}
# A samlint that counts its runs (lint runs: --version excluded).
cat > "$ac/counting-samlint" <<EOF
#!/usr/bin/env bash
echo "\$*" >> "$ac/samlint-runs"
exec "$SAMLINT" "\$@"
EOF
chmod +x "$ac/counting-samlint"
# A make that logs its calls, then runs the real one.
real_make=$(command -v make)
mkdir -p "$ac/bin"
printf '#!/usr/bin/env bash\necho "make $*" >> "%s/make-calls"\nexec "%s" "$@"\n' "$ac" "$real_make" > "$ac/bin/make"
chmod +x "$ac/bin/make"

template='Parameters:
  Unused:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref Missing'

if [ -z "$py" ]; then
    skip action_steps "python3-yaml is missing"
else
    # 1. The whole action: build (cache miss), run, outputs, SARIF, annotations, summary.
    mkdir -p "$ac/ws1/templates"
    printf '%s\n' "$template" > "$ac/ws1/templates/app.yaml"
    : > "$ac/make-calls"
    run_action one "$ac/ws1" '{"paths": "templates", "args": "--select SL0", "sarif-file": "results.sarif"}' \
        "{\"PATH\": \"$ac/bin:$PATH\"}"
    got=$(q one '" ".join(e["id"] + "=" + e["outcome"] for e in r["steps"][1:]) + " status=%s" % r["status"]')
    check action_steps_run "_0=success key=success cache=success _3=success _4=success run=failure status=1" "$got"
    got=$(q one 'r["outputs"]["sarif-file"] + " " + r["outputs"]["exit-code"]')
    check action_outputs "$ac/ws1/results.sarif 1" "$got"
    n=$("$py" -c 'import json,sys; s=json.load(open(sys.argv[1])); l=s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]; print(len(s["runs"][0]["results"]), l["uri"], l["uriBaseId"])' "$ac/ws1/results.sarif" 2>&1)
    check action_sarif_written "2 templates/app.yaml %SRCROOT%" "$n"
    runlog=$(q one 'log("run")')
    if printf '%s\n' "$runlog" | grep -q '^::error file=templates/app.yaml,line=8,' &&
       printf '%s\n' "$runlog" | grep -q '^::warning file=templates/app.yaml,line=2,' &&
       [ "$(printf '%s\n' "$runlog" | grep -n '^::' | head -n 1 | cut -c1-10)" = "1:::error " ]; then
        ok action_annotations_errors_first
    else
        not_ok action_annotations_errors_first "$(printf '%s\n' "$runlog" | head -n 5)"
    fi
    check action_step_summary "### samlint  2 findings (1 error, 1 warning, 0 info) in 1 file." "$(q one 'r["summary"]' | tr '\n' ' ' | sed 's/ *$//')"
    check action_built_once "1" "$(grep -c 'samlint' "$ac/make-calls")"

    # 2. The next job (a fresh runner: new RUNNER_TEMP) restores samlint from the cache: no make.
    : > "$ac/make-calls"
    run_action two "$ac/ws1" '{"paths": "templates", "args": "--select SL0"}' "{\"PATH\": \"$ac/bin:$PATH\"}"
    got="$(q two 's["cache"]["outcome"] + " " + s["_4"]["outcome"] + " " + str("restored from the build cache" in log("_3")) + " " + str(r["status"])') $(wc -l < "$ac/make-calls")"
    check action_cache_hit "success skipped True 1 0" "$got"
    # The key follows the source: the same tree gives the same key, one changed byte another.
    key() { (cd "$ac" && GITHUB_ACTION_PATH=$1 bash "$ROOT/tools/action/cache-key.sh" | sed 's/.* //'); }
    mkdir -p "$ac/src-copy"
    (cd "$ROOT" && cp -a Makefile src rules tools "$ac/src-copy/")
    k0=$(key "$ROOT"); k1=$(key "$ac/src-copy")
    printf '\n' >> "$ac/src-copy/src/main.c"
    k2=$(key "$ac/src-copy")
    if [ -n "$k0" ] && [ "$k0" = "$k1" ] && [ "$k1" != "$k2" ]; then ok action_cache_key_follows_source; else not_ok action_cache_key_follows_source "$k0 $k1 $k2"; fi

    # 3. working-directory: run in infra/ of a git checkout; paths, annotations and SARIF URIs stay
    # relative to the repository root, the sarif-file output is absolute, and samlint runs once.
    mkdir -p "$ac/ws3/infra"
    git -C "$ac/ws3" init -q 2>/dev/null || mkdir -p "$ac/ws3/.git"
    printf '%s\n' "$template" > "$ac/ws3/infra/app.yaml"
    printf 'fail-on: error\n' > "$ac/ws3/infra/.samlint.yaml"
    : > "$ac/samlint-runs"
    run_action three "$ac/ws3" "{\"working-directory\": \"infra\", \"samlint\": \"$ac/counting-samlint\", \"args\": \"--select SL0\"}"
    got=$(q three 'r["outputs"]["sarif-file"] + " " + r["outputs"]["exit-code"] + " " + s["_0"]["outcome"]')
    check action_workdir_outputs "$ac/ws3/infra/samlint.sarif 1 skipped" "$got"
    n=$("$py" -c 'import json,sys; s=json.load(open(sys.argv[1])); print(" ".join(sorted({l["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"] for l in r["locations"]})))' "$ac/ws3/infra/samlint.sarif" 2>&1)
    check action_workdir_sarif_uris "infra/app.yaml" "$n"
    got=$(q three 'sorted({l.split(",")[0] for l in log("run").splitlines() if l.startswith("::")})')
    check action_workdir_annotations "['::error file=infra/app.yaml', '::warning file=infra/app.yaml']" "$got"
    check action_runs_samlint_once "1" "$(wc -l < "$ac/samlint-runs")"
    # annotations: false prints the text report instead, in the same single run.
    : > "$ac/samlint-runs"
    run_action four "$ac/ws3" "{\"working-directory\": \"infra\", \"samlint\": \"$ac/counting-samlint\", \"annotations\": \"false\"}"
    got="$(q four 'str(any(l.startswith("::") for l in log("run").splitlines())) + " " + str("app.yaml:8:" in log("run")) + " " + r["outputs"]["exit-code"]') $(wc -l < "$ac/samlint-runs")"
    if [ "$got" = "False True 1 1" ] && [ -s "$ac/ws3/infra/samlint.sarif" ]; then ok action_text_report_once; else not_ok action_text_report_once "$got"; fi

    # 4. Exit status 2 fails the step with samlint's message, removes an older SARIF log, sets no sarif-file.
    for case in 'missing:"paths": "missing.yaml"' 'usage:"args": "--fail-on sometimes"'; do
        name=${case%%:*}
        printf '{"stale": true}\n' > "$ac/ws3/infra/samlint.sarif"
        : > "$ac/samlint-runs"
        run_action "err_$name" "$ac/ws3" "{\"working-directory\": \"infra\", \"samlint\": \"$ac/counting-samlint\", ${case#*:}}"
        got="$(q "err_$name" 'str(r["status"]) + " " + repr(r["outputs"]["sarif-file"]) + " " + r["outputs"]["exit-code"] + " " + str([l.split("::")[1] for l in log("run").splitlines() if l.startswith("::error title=samlint failed")])') $(wc -l < "$ac/samlint-runs")"
        if [ "$got" = "2 '' 2 ['error title=samlint failed (exit status 2)'] 1" ] && [ ! -e "$ac/ws3/infra/samlint.sarif" ] &&
           q "err_$name" 'log("run")' | grep -q '^::error title=samlint failed (exit status 2)::samlint: '; then
            ok "action_exit2_$name"
        else
            not_ok "action_exit2_$name" "$got $(q "err_$name" 'log("run")' | tail -n 3)"
        fi
    done
fi

# The README's workflow, run as written (the action from this checkout), and its inputs and outputs.
if [ -z "$py" ]; then
    skip action_readme_workflow "python3-yaml is missing"
else
    "$py" - "$ROOT/README.md" "$ROOT/action.yml" "$ac/readme.yml" > "$ac/readme-check.txt" 2>&1 <<'PY'
import re, sys, yaml
text = open(sys.argv[1]).read()
action = yaml.safe_load(open(sys.argv[2]))
section = text[text.index("## GitHub Action\n"):]
section = section[:section.index("\n## ", 1)]
blocks = [b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "upload-sarif" in b]
assert blocks, "no workflow with upload-sarif in README.md's GitHub Action section"
wf = yaml.safe_load(blocks[0])
open(sys.argv[3], "w").write(blocks[0])
jobs = wf["jobs"]
steps = [s for job in jobs.values() for s in job["steps"]]
up = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
assert up and "sarif_file" in up[0]["with"], steps
assert any(job.get("permissions", {}).get("security-events") == "write" for job in jobs.values()) \
    or wf.get("permissions", {}).get("security-events") == "write", "security-events: write is missing"
ours = [s for s in steps if str(s.get("uses", "")).startswith("samlint/samlint@")]
assert len(ours) == 1, "no `uses: samlint/samlint@...` step"
bad = set(ours[0].get("with", {})) - set(action["inputs"])
assert not bad, f"README passes inputs action.yml does not have: {bad}"
used = set(re.findall(r"steps\.%s\.outputs\.([\w-]+)" % re.escape(ours[0]["id"]), blocks[0]))
assert used and used <= set(action["outputs"]), f"README reads outputs action.yml does not set: {used - set(action['outputs'])}"
# The prose lists exactly action.yml's inputs and outputs.
prose = section[section.index("Inputs:"):]
named = set(re.findall(r"`([a-z][a-z-]+)`", prose[:prose.index("Outputs:")]))
assert named >= set(action["inputs"]), f"inputs missing from the README: {set(action['inputs']) - named}"
assert not (named & {"true", "false"}) or True
outs = set(re.findall(r"`([a-z][a-z-]+)`", prose[prose.index("Outputs:"):prose.index("\n\n")]))
assert outs == set(action["outputs"]), f"README outputs {outs} vs action.yml {set(action['outputs'])}"
print(next(iter(jobs)), ours[0]["uses"].split("@", 1)[1])
PY
    if [ $? -eq 0 ]; then ok action_readme_matches_action_yml; else not_ok action_readme_matches_action_yml "$(cat "$ac/readme-check.txt")"; fi
    read -r job ref < "$ac/readme-check.txt"
    # The ref the README names exists here (a branch or a tag), when this is a git checkout with refs.
    if ! git -C "$ROOT" rev-parse --git-dir > /dev/null 2>&1 || [ -z "$(git -C "$ROOT" for-each-ref --count=1 refs/heads refs/tags refs/remotes)" ]; then
        skip action_readme_ref "not a git checkout with branches or tags"
    elif git -C "$ROOT" rev-parse -q --verify "refs/heads/$ref" > /dev/null || git -C "$ROOT" rev-parse -q --verify "refs/tags/$ref" > /dev/null ||
         git -C "$ROOT" rev-parse -q --verify "refs/remotes/origin/$ref" > /dev/null; then
        ok action_readme_ref
    else
        not_ok action_readme_ref "README uses samlint/samlint@$ref, which is no branch or tag of this repository"
    fi
    # Run the job on a checkout of examples/: samlint fails the step (fail-on error), upload-sarif still runs.
    mkdir -p "$ac/ws5"
    cp -R "$ROOT/examples/." "$ac/ws5/"
    git -C "$ac/ws5" init -q 2>/dev/null || mkdir -p "$ac/ws5/.git"
    printf '{"workflow": "%s", "job": "%s", "workspace": "%s", "temp": "%s", "cache": "%s", "log": "%s", "actions": {"samlint/samlint": "%s"}}\n' \
        "$ac/readme.yml" "$job" "$ac/ws5" "$ac/five.temp" "$ac/cache" "$ac/five.log" "$ROOT" > "$ac/five.cfg"
    "$py" "$ROOT/tests/action_runner.py" "$ac/five.cfg" > "$ac/five.json" 2> "$ac/five.err"
    got=$(q five '" ".join(e["outcome"] for e in r["steps"] if e["depth"] == 0) + " " + s["samlint"]["outputs"]["exit-code"] if False else " ".join(e["outcome"] for e in r["steps"] if e["depth"] == 0)')
    up=$(q five '[e for e in r["steps"] if e["name"].startswith("github/codeql-action/upload-sarif")][0]["with"]["sarif_file"]')
    if [ "$got" = "success failure success" ] && [ "$up" = "$ac/ws5/samlint.sarif" ] &&
       "$py" -c 'import json,sys; s=json.load(open(sys.argv[1])); assert {l["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"] for l in r["locations"]} == {"template.yaml", "src/app.js"}' "$ac/ws5/samlint.sarif"; then
        ok action_readme_workflow_runs
    else
        not_ok action_readme_workflow_runs "outcomes: $got; sarif_file: $up $(cat "$ac/five.err" | tail -n 3)"
    fi
fi
