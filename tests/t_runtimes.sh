# t_runtimes.sh: SL205 follows the dates of rules/data/runtimes.c as today moves
# (SAMLINT_TODAY), and names the function of a Globals runtime in JSON.

runtime_template() {
    cat > "$TMP/rt.yaml" <<YAML
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: $1
      Handler: index.handler
      CodeUri: src/
YAML
}

# severity SL205 gives runtime $1 on day $2 ("" = no finding)
sl205_on() {
    runtime_template "$1"
    SAMLINT_TODAY=$2 findings_of "$TMP/rt.yaml" --select SL205 | awk '{print $2}'
}

# nodejs20.x: deprecated 2026-04-30, create blocked 2026-08-31.
check "nodejs20.x the day before deprecation" "" "$(sl205_on nodejs20.x 20260429)"
check "nodejs20.x on its deprecation day" "warning" "$(sl205_on nodejs20.x 20260430)"
check "nodejs20.x the day before the create block" "warning" "$(sl205_on nodejs20.x 20260830)"
check "nodejs20.x on its create-block day" "error" "$(sl205_on nodejs20.x 20260831)"
check "dashed SAMLINT_TODAY works too" "error" "$(sl205_on nodejs20.x 2026-09-01)"
# A container-only runtime has no create block: a warning forever.
check "dotnet7 stays a warning" "warning" "$(sl205_on dotnet7 20990101)"
# No dates: never reported; unknown runtimes are not SL205's business.
check "provided.al2023 has no dates" "" "$(sl205_on provided.al2023 20990101)"
check "unknown runtime is skipped" "" "$(sl205_on nodejs99.x 20990101)"
check "python3.14 is fine in 2026" "" "$(sl205_on python3.14 20261127)"

# Every row of the table: dates are real days, deprecation before block.
bad_rows=$(grep -E '^\s*\{"[a-z0-9.-]+", *[0-9]+, *[0-9]+\}' "$ROOT/rules/data/runtimes.c" |
    sed -E 's/^\s*\{"([^"]+)", *([0-9]+), *([0-9]+)\}.*/\1 \2 \3/' |
    awk '{ ok = 1
           for (i = 2; i <= 3; i++) if ($i != 0) {
               m = int($i / 100) % 100; d = $i % 100
               if ($i < 20100101 || $i > 20991231 || m < 1 || m > 12 || d < 1 || d > 31) ok = 0 }
           if ($2 == 0 && $3 != 0) ok = 0
           if ($3 != 0 && $3 < $2) ok = 0
           if (!ok) print $1 }')
check "runtime table dates are valid and ordered" "" "$bad_rows"
rows=$(grep -cE '^\s*\{"[a-z0-9.-]+", *[0-9]+, *[0-9]+\}' "$ROOT/rules/data/runtimes.c")
[ "$rows" -ge 45 ] && ok "runtime table has every family ($rows rows)" || not_ok "runtime table has every family" "$rows rows"

# A runtime from Globals is reported once, at Globals, naming each function.
cat > "$TMP/globals.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python2.7
Resources:
  One:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.b, CodeUri: a/}
  Two:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.b, CodeUri: b/}
YAML
resources=$("$SAMLINT" --format json --select SL205 "$TMP/globals.yaml" 2>/dev/null |
    python3 -c 'import json,sys; print(" ".join("%s@%d %s" % (f["resource"], f["line"], f["message"].split("; ")[-1]) for f in json.load(sys.stdin)["findings"]))')
check "a Globals runtime is one finding naming each function" "One@4 applies to One, Two" "$resources"
