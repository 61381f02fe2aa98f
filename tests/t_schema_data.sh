# t_schema_data.sh: the compiled schema tables (src/schema_data.c, .h) are
# what tools/gen_schema.py makes from ../shared/schemas and
# rules/data/schema_overlay.json; and the schema look-ups answer.
shared="$SHARED/schemas"
if [ ! -d "$shared/cloudformation/resources" ] || [ ! -f "$shared/sam/sam.schema.json" ]; then
    skip schema_data_current "skipped: ../shared/schemas is absent"
elif ! command -v python3 > /dev/null; then
    skip schema_data_current "skipped: no python3"
else
    out="$TMP/gen"
    mkdir -p "$out"
    if python3 "$ROOT/tools/gen_schema.py" "$shared" "$out" > "$TMP/gen.log" 2>&1; then
        stale=""
        for f in schema_data.c schema_data.h; do
            cmp -s "$out/$f" "$ROOT/src/$f" || stale="$stale src/$f"
        done
        if [ -z "$stale" ]; then ok schema_data_current
        else not_ok schema_data_current "stale:$stale (run python3 tools/gen_schema.py)"; fi
    else
        not_ok schema_data_current "gen_schema.py failed: $(tail -n 3 "$TMP/gen.log")"
    fi
fi

# Every overlay entry names its AWS documentation page.
if python3 - "$ROOT/rules/data/schema_overlay.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
bad = [e for e in o["entries"] + o.get("sam", []) if not e.get("doc", "").startswith("https://docs.aws.amazon.com/")]
sys.exit(1 if bad else 0)
PY
then ok schema_overlay_documented; else not_ok schema_overlay_documented "an overlay entry lacks its docs.aws.amazon.com page"; fi

# One finding per Globals value, not one per function that inherits it.
cat > "$TMP/globals.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22
    Handler: index.handler
    CodeUri: src/
Resources:
  A:
    Type: AWS::Serverless::Function
  B:
    Type: AWS::Serverless::Function
YAML
check schema_globals_once "4:14 error SL605" "$(findings_of "$TMP/globals.yaml" --select SL605)"

# The walk stays bounded on a deep, wide template (no blow-up through anyOf).
python3 - "$TMP/deep.yaml" <<'PY'
import sys
lines = ["Resources:", "  Acl:", "    Type: AWS::WAFv2::WebACL", "    Properties:", "      Rules:"]
for i in range(300):
    lines += ["        - Name: r%d" % i, "          Priority: %d" % i, "          Statement:"]
    ind = "            "
    for d in range(12):
        lines += [ind + "NotStatement:", ind + "  Statement:"]
        ind += "    "
    lines += [ind + "ByteMatchStatement: {}"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
"$SAMLINT" --select SL602,SL603,SL604,SL605,SL607 -f json "$TMP/deep.yaml" > "$TMP/deep.json" 2> "$TMP/deep.err"
rc=$?
if [ "$rc" -le 1 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/deep.json"; then ok schema_deep_template
else not_ok schema_deep_template "rc=$rc $(head -c 300 "$TMP/deep.err")"; fi
