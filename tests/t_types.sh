# Resource types: the generated table is current, --regions and config regions: work.

# src/types_data.c is what tools/gen_types.py makes of ../shared/schemas today.
schemas="$SHARED/schemas/cloudformation"
if [ ! -f "$schemas/regions.tsv" ]; then
    skip types_data_current "../shared/schemas is absent: the committed src/types_data.c is used as it is"
elif ! command -v python3 > /dev/null; then
    skip types_data_current "python3 is not installed"
else
    python3 "$ROOT/tools/gen_types.py" "$schemas" "$TMP/types_data.c"
    if cmp -s "$TMP/types_data.c" "$ROOT/src/types_data.c"; then ok types_data_current
    else not_ok types_data_current "src/types_data.c is stale: run tools/gen_types.py"; fi
    n=$(tail -n +2 "$schemas/regions.tsv" | grep -c .)
    got=$(grep -c '^    {0x' "$ROOT/src/types_data.c")
    check types_data_every_type "$n" "$got"
fi

t="$TMP/t.yaml"
cat > "$t" <<'YAML'
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Image:
    Type: AWS::Lambda::CapacityProvider
YAML
check types_default_region "" "$(findings_of "$t" --no-config --select SL601)"
# A type must exist in every region named.
got=$("$SAMLINT" --no-config --no-excerpt --select SL601 --regions us-east-1,us-gov-west-1 "$t" 2>&1)
check_contains types_region_lacking "AWS::Lambda::CapacityProvider does not exist in us-gov-west-1" "$got"
check types_region_lacking_only_one "1" "$(printf '%s\n' "$got" | grep -c 'SL601')"
"$SAMLINT" --no-config --regions us-esat-1 "$t" > /dev/null 2> "$TMP/err.txt"
rc=$?
check types_region_unknown_rc 2 "$rc"
check_contains types_region_unknown_suggests "did you mean 'us-east-1'?" "$(cat "$TMP/err.txt")"
"$SAMLINT" --no-config --regions , "$t" > /dev/null 2>&1
check types_region_empty_rc 2 "$?"

# Config regions: (a list or a comma string); the command line replaces it.
mkdir -p "$TMP/proj"
cp "$t" "$TMP/proj/t.yaml"
printf 'regions: [us-east-1, us-gov-west-1]\n' > "$TMP/proj/.samlint.yaml"
got=$(cd "$TMP/proj" && "$SAMLINT" --no-excerpt --select SL601 t.yaml 2>&1)
check_contains types_config_regions "does not exist in us-gov-west-1" "$got"
got=$(cd "$TMP/proj" && "$SAMLINT" --no-excerpt --select SL601 --regions eu-west-1 t.yaml 2>&1)
check types_cli_replaces_config_regions "0" "$(printf '%s\n' "$got" | grep -c 'SL601')"
printf 'regions: us-east-1, eu-wset-1\n' > "$TMP/proj/.samlint.yaml"
got=$(cd "$TMP/proj" && "$SAMLINT" t.yaml 2>&1)
rc=$?
check types_config_region_unknown_rc 2 "$rc"
check_contains types_config_region_unknown ".samlint.yaml:1:" "$got"
check_contains types_config_region_suggests "did you mean 'eu-west-1'?" "$got"
