# GitHub Action: run action.yml's steps here as the runner would, check SARIF and outputs.

ac="$TMP/action"
mkdir -p "$ac/ws/templates"
# A python3 with PyYAML (Debian's python3-yaml, which pre-commit pulls in).
py=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
    skip action_steps "python3-yaml is missing"
else
    cat > "$ac/ws/templates/app.yaml" <<'YAML'
Parameters:
  Unused:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref Missing
YAML
    # The steps' scripts, with `${{ inputs.x }}` replaced as the runner would.
    "$py" - "$ROOT/action.yml" "$ac" <<'PY'
import re, shlex, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
out = sys.argv[2]
given = {"paths": "templates", "args": "--select SL0", "sarif-file": "results.sarif"}
inputs = {k: given.get(k, v.get("default", "")) for k, v in action["inputs"].items()}
def subst(s):
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], str(s))
assert action["runs"]["using"] == "composite"
for i, step in enumerate(action["runs"]["steps"]):
    assert step.get("shell") == "bash", step
    # `if: inputs.samlint == ''`: the steps that build run when no binary is given.
    assert step.get("if", "inputs.samlint == ''") == "inputs.samlint == ''", step
    with open(f"{out}/step{i}.sh", "w") as f:
        for k, v in step.get("env", {}).items():
            f.write(f"export {k}={shlex.quote(subst(v))}\n")
        f.write(f"cd {shlex.quote(subst(step.get('working-directory', '.')))}\n")
        f.write(subst(step["run"]) + "\n")
PY
    steps=$(ls "$ac"/step*.sh 2>/dev/null | wc -l)
    : > "$ac/github_output"; : > "$ac/github_path"; : > "$ac/summary"
    status=""
    for i in $(seq 0 $((steps - 1))); do
        (cd "$ac/ws" && GITHUB_ACTION_PATH="$ROOT" GITHUB_WORKSPACE="$ac/ws" GITHUB_OUTPUT="$ac/github_output" \
            GITHUB_PATH="$ac/github_path" GITHUB_STEP_SUMMARY="$ac/summary" bash "$ac/step$i.sh" > "$ac/step$i.out" 2>&1)
        status="$status $?"
    done
    if [ "$steps" -eq 3 ] && [ "$status" = " 0 0 1" ]; then ok action_steps_run; else not_ok action_steps_run "steps=$steps statuses:$status $(tail -n 5 "$ac"/step*.out)"; fi
    if grep -qx 'sarif-file=results.sarif' "$ac/github_output" && grep -qx 'exit-code=1' "$ac/github_output" && grep -qx "$ROOT" "$ac/github_path"; then
        ok action_outputs
    else
        not_ok action_outputs "$(cat "$ac/github_output" "$ac/github_path")"
    fi
    n=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(len(s["runs"][0]["results"]), s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])' "$ac/ws/results.sarif" 2>&1)
    if [ "$n" = "2 templates/app.yaml" ]; then ok action_sarif_written; else not_ok action_sarif_written "$n"; fi
    if grep -q '^::error file=templates/app.yaml,line=8,' "$ac/step2.out" && grep -q '^::warning file=templates/app.yaml,line=2,' "$ac/step2.out"; then
        ok action_annotations
    else
        not_ok action_annotations "$(head -n 5 "$ac/step2.out")"
    fi
    if grep -q 'samlint' "$ac/summary"; then ok action_step_summary; else not_ok action_step_summary "empty"; fi
    # With a samlint given (input `samlint`), the run step uses it: nothing from the action's checkout.
    (cd "$ac/ws" && GITHUB_ACTION_PATH=/nonexistent INPUT_SAMLINT="$SAMLINT" INPUT_PATHS=templates INPUT_SARIF_FILE=given.sarif \
        INPUT_ANNOTATIONS=false bash "$ROOT/tools/action/run.sh" > "$ac/given.out" 2>&1)
    rc=$?
    if [ "$rc" -eq 1 ] && [ -s "$ac/ws/given.sarif" ] && ! grep -q '^::' "$ac/given.out"; then
        ok action_given_binary
    else
        not_ok action_given_binary "rc=$rc $(cat "$ac/given.out")"
    fi
fi

# The README's example workflow uploads the SARIF with codeql-action/upload-sarif.
if [ -z "$py" ]; then
    skip action_readme_workflow "python3-yaml is missing"
elif "$py" - "$ROOT/README.md" <<'PY'
import re, sys, yaml
text = open(sys.argv[1]).read()
blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "upload-sarif" in b]
assert blocks, "no workflow with upload-sarif in README.md"
steps = [s for job in blocks[0]["jobs"].values() for s in job["steps"]]
up = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
assert up and "sarif_file" in up[0]["with"], steps
assert any(job.get("permissions", {}).get("security-events") == "write" for job in blocks[0]["jobs"].values()) \
    or blocks[0].get("permissions", {}).get("security-events") == "write"
PY
then ok action_readme_workflow; else not_ok action_readme_workflow "README example workflow"; fi
