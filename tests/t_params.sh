# t_params.sh: --parameters, --parameter-overrides and --parameters-file put
# the deploy's values in place of the Defaults for every rule that follows a
# Ref (fixtures/params/NAME.args + NAME.expect, UPDATE=1 rewrites), and
# strangers' parameter files are read safely.

pd="$ROOT/fixtures/params"
for args in "$pd"/*.args; do
    name=$(basename "$args" .args)
    mapfile -t argv < "$args"
    got=$(cd "$pd" && findings_of template.yaml --no-config "${argv[@]}")
    if [ -n "${UPDATE:-}" ]; then printf '%s\n' "$got" > "$pd/$name.expect"; fi
    check "params $name" "$(cat "$pd/$name.expect" 2>/dev/null)" "$got"
done

# The verdicts do change: the defaults and a given value differ.
if cmp -s "$pd/defaults.expect" "$pd/timeout-ok.expect"; then not_ok "a value changes the verdict" "same findings"; else ok "a value changes the verdict"; fi

cp "$pd/template.yaml" t.yaml
# Positions point at the Ref in the user's file.
out=$("$SAMLINT" --no-config -q --no-excerpt --select SL202 --parameters Timeout=2 t.yaml)
check "a finding from a value points at its Ref" "t.yaml:26:16: warning: Timeout 2 s of function 'Fn' leaves no room for a cold start or a slow call [SL202 low-timeout]" "$out"
# JSON output says the same.
n=$("$SAMLINT" --no-config -f json --select SL202 --parameters Timeout=30 t.yaml | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
check "json: a given value is used" 0 "$n"

# A name no linted template declares: a warning on stderr, exit unchanged.
"$SAMLINT" --no-config -q --select SL202 --parameters Timeout=30,Stgae=prod t.yaml > out.txt 2> err.txt; rc=$?
check "unknown parameter: exit unchanged" 0 "$rc"
check "unknown parameter: warned" "samlint: warning: no linted template has a parameter named 'Stgae'; its value is not used" "$(cat err.txt)"
mkdir -p two
cp t.yaml two/a.yaml
printf 'Parameters:\n  Stage:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Stage\n' > two/b.yaml
"$SAMLINT" --no-config -q --select SL202 --parameters Timeout=30,Stage=prod two > /dev/null 2> err.txt
check "a name one template of a scan has is no warning" "" "$(cat err.txt)"
# The deploy form's pairs are not taken for files, and a file named like one still is.
cp t.yaml 'Timeout=3.yaml'
out=$("$SAMLINT" --no-config -q --no-excerpt --select SL202 --parameter-overrides Timeout=30 'Timeout=3.yaml' 2>&1)
check "a file named Name=... is still a file" "" "$out"

# Mistakes: exit 2, the file and line, never the value (it may be a secret).
pe() { # NAME EXPECTED-IN-MESSAGE ARGS...
    local name=$1 want=$2; shift 2
    "$SAMLINT" --no-config "$@" t.yaml > /dev/null 2> err.txt
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -qF -- "$want" err.txt; then ok "$name"; else not_ok "$name" "rc=$rc: $(head -c 300 err.txt)"; fi
}
pe "not Key=Value" "--parameters: expected Name=Value at character 1" --parameters hunter2secret
if grep -q hunter2secret err.txt; then not_ok "a bad pair is not echoed" "$(cat err.txt)"; else ok "a bad pair is not echoed"; fi
pe "quote never closed" "never closed" --parameters 'Timeout="3'
pe "ParameterKey without value" "ParameterKey=Timeout has no ParameterValue" --parameters ParameterKey=Timeout
pe "value too long" "longer than 4096 bytes" --parameters "Timeout=$(head -c 5000 /dev/zero | tr '\0' x)"
printf '[{"ParameterKey": "Timeout"}]\n' > p1.json
pe "file: entry without value" "p1.json:1:2: ParameterKey 'Timeout' has no ParameterValue" --parameters-file p1.json
printf '{"Parameters": {\n  "Timeout": {"nested": 1}\n}}\n' > p2.json
pe "file: value not a string" "p2.json:2:14: the value of 'Timeout' must be a string" --parameters-file p2.json
printf '{"Parameters": [1, 2' > p3.json
pe "file: broken JSON" "p3.json:2:1: " --parameters-file p3.json
printf '{"Timeout": "3"}\n' > p4.json
pe "file: unknown shape" "p4.json:1:1: a parameters file is" --parameters-file p4.json
printf '[default.deploy.parameters]\nstack_name = "x"\nparameter_overrides = "Timeout=3\n' > p5.toml
pe "toml: string not closed" "p5.toml:3: a string is never closed" --parameters-file p5.toml
printf '[default.deploy.parameters]\nstack_name = "x"\n' > p6.toml
pe "toml: no parameter_overrides" "p6.toml: no parameter_overrides" --parameters-file p6.toml
printf '[default.deploy.parameters]\nparameter_overrides = "\\q"\n' > p7.toml
pe "toml: unknown escape" "p7.toml:2: an unknown escape" --parameters-file p7.toml
pe "file: missing" "missing.json: cannot open" --parameters-file missing.json
pe "file: a directory" "is a directory" --parameters-file .
mkfifo fifo.json 2>/dev/null && pe "file: a FIFO is not read (no hang)" "not a regular file" --parameters-file fifo.json
head -c 1100000 /dev/zero | tr '\0' ' ' > big.json
pe "file: too big" "larger than 1048576 bytes" --parameters-file big.json
printf 'Parameters:\n  A: "1"\n\0\n' > nul.yaml
pe "file: a NUL byte" "a NUL byte" --parameters-file nul.yaml
python3 -c 'print("{\"Parameters\": {" + ",".join("\"P%d\": \"x\"" % i for i in range(1001)) + "}}")' > many.json
pe "file: too many names" "more than 1000 parameter values" --parameters-file many.json
python3 -c 'print("[" * 100000)' > deep.json
pe "file: deep nesting" "deep.json:" --parameters-file deep.json
# Hostile text in a name cannot drive the terminal.
printf '{"Parameters": {"A\\u001b[31m": "x"}}\n' > esc.json
"$SAMLINT" --no-config --parameters-file esc.json t.yaml > /dev/null 2> err.txt
if grep -q "$(printf '\033')" err.txt; then not_ok "no escape from a name reaches the terminal" "$(cat -v err.txt)"; else ok "no escape from a name reaches the terminal"; fi
# A NoEcho parameter's value is a secret: not used, never printed.
out=$("$SAMLINT" --no-config --no-excerpt --parameters Arch=hunter2 t.yaml 2>&1)
case "$out" in *hunter2*) not_ok "a NoEcho value is never printed" "$out" ;; *) ok "a NoEcho value is never printed" ;; esac
# An SSM parameter's value is a Parameter Store name, not the value itself.
printf 'Transform: AWS::Serverless-2016-10-31\nParameters:\n  Rt:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /app/runtime\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: !Ref Rt\n      Handler: index.handler\n      InlineCode: x\n' > ssm.yaml
out=$("$SAMLINT" --no-config -q --no-excerpt --select SL6,SL205 --parameters Rt=/prod/runtime ssm.yaml 2>&1)
check "an SSM parameter's value is not taken for the value" "" "$out"
