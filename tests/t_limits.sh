# t_limits.sh: hostile and huge inputs end in a clear finding or error, never a crash, hang or memory blow-up.
# Small fixtures live in fixtures/limits/; big ones are generated into $TMP here.

lim_dir="$ROOT/fixtures/limits"
lim_gen="$ROOT/tools/gen_template.sh"
lim_has_time=0
[ -x /usr/bin/time ] && lim_has_time=1

lim_timeout=60
# lim_run ARGS...: run samlint under a hang guard ($lim_timeout seconds). Sets lim_rc and lim_kb (peak
# RSS in KiB, 0 when unknown); output in $TMP/lim.out and $TMP/lim.err.
lim_run() {
    if [ "$lim_has_time" = 1 ]; then
        /usr/bin/time -f '%M' -o "$TMP/lim.rss" timeout "$lim_timeout" "$SAMLINT" --no-excerpt "$@" > "$TMP/lim.out" 2> "$TMP/lim.err"
        lim_rc=$?
        lim_kb=$(tail -n 1 "$TMP/lim.rss" 2> /dev/null)
        case $lim_kb in '' | *[!0-9]*) lim_kb=0 ;; esac
    else
        timeout "$lim_timeout" "$SAMLINT" --no-excerpt "$@" > "$TMP/lim.out" 2> "$TMP/lim.err"
        lim_rc=$?
        lim_kb=0
    fi
}

# lim_expect NAME RCS [PATTERN [MAX_MIB]]: the last run exited with one of RCS
# ("1" or "0 1"), its stdout+stderr match the extended regex PATTERN, and its
# peak memory stayed under MAX_MIB (not checked on a sanitizer build, whose
# shadow memory and quarantine say nothing about samlint's own use).
lim_expect() {
    local name=$1 rcs=$2 pattern=${3:-} max_mib=${4:-} rc_ok=0 want
    for want in $rcs; do [ "$lim_rc" = "$want" ] && rc_ok=1; done
    if [ "$rc_ok" != 1 ]; then
        not_ok "$name" "exit $lim_rc, want $rcs: $(head -c 300 "$TMP/lim.err")"
    elif [ -n "$pattern" ] && ! cat "$TMP/lim.out" "$TMP/lim.err" | grep -Eq -- "$pattern"; then
        not_ok "$name" "no /$pattern/ in: $(head -c 300 "$TMP/lim.out")"
    elif [ -n "$max_mib" ] && [ -z "${SAMLINT_SANITIZED:-}" ] && [ "$lim_kb" -gt $((max_mib * 1024)) ]; then
        not_ok "$name" "peak memory $((lim_kb / 1024)) MiB, limit $max_mib MiB"
    else
        ok "$name"
    fi
}

# lim_absent NAME PATTERN: the last run's output does not match PATTERN.
lim_absent() {
    if cat "$TMP/lim.out" "$TMP/lim.err" | grep -Eq -- "$2"; then
        not_ok "$1" "unexpected: $(cat "$TMP/lim.out" "$TMP/lim.err" | grep -E -- "$2" | head -n 3)"
    else
        ok "$1"
    fi
}

# --- committed fixtures ---
lim_run "$lim_dir/alias-bomb.yaml"
lim_expect "limits: alias bomb is SL001" 1 'alias.*\[SL001' 64
lim_run "$lim_dir/nesting-300.yaml"
lim_expect "limits: nesting over the depth limit is SL001" 1 'nesting deeper.*\[SL001'
lim_run "$lim_dir/binary.yaml"
lim_expect "limits: binary data is SL001" 1 '\[SL001'
lim_run "$lim_dir/nul-bytes.yaml"
lim_expect "limits: a NUL byte is SL001" 1 'NUL.*\[SL001'
lim_run "$lim_dir/invalid-utf8.yaml"
lim_expect "limits: invalid UTF-8 is SL001" 1 'UTF-8.*\[SL001'
lim_run "$lim_dir/utf16-bom.yaml"
lim_expect "limits: UTF-16 with BOM is SL001" 1 'UTF-16.*\[SL001'
lim_run "$lim_dir/empty.yaml"
lim_expect "limits: an empty file named explicitly is SL002" 1 '\[SL002'
lim_run "$lim_dir/bom-only.yaml"
lim_expect "limits: a file holding only a BOM is SL002" 1 '\[SL002'
lim_run "$lim_dir/utf8-bom.yaml"
lim_expect "limits: a UTF-8 BOM is accepted" "0 1" '(No findings in|in) 1 file'
lim_absent "limits: a UTF-8 BOM gives no SL001/SL002" '\[SL00[12]'
lim_run "$lim_dir/cr-only.yaml"
lim_expect "limits: CR-only line ends are accepted" "0 1"
lim_absent "limits: CR-only line ends give no SL001" '\[SL00[12]'
# Lines end at a lone CR as libyaml counts them: the excerpt and the
# fingerprint come from the finding's own line.
mkdir -p "$TMP/cr" "$TMP/lf"
cp "$lim_dir/cr-only.yaml" "$TMP/cr/t.yaml"
tr '\r' '\n' < "$lim_dir/cr-only.yaml" > "$TMP/lf/t.yaml"
lim_cr=$(cd "$TMP/cr" && "$SAMLINT" t.yaml 2>&1)
lim_lf=$(cd "$TMP/lf" && "$SAMLINT" t.yaml 2>&1)
check "limits: CR-only line ends: the excerpt shows the finding's line" "$lim_lf" "$lim_cr"
lim_cr=$(cd "$TMP/cr" && "$SAMLINT" -f sarif t.yaml 2>&1 | grep -o '"samlintFingerprint/v1":.*')
lim_lf=$(cd "$TMP/lf" && "$SAMLINT" -f sarif t.yaml 2>&1 | grep -o '"samlintFingerprint/v1":.*')
check "limits: CR-only line ends: the fingerprint is the one of the same template with LF" "$lim_lf" "$lim_cr"
lim_run "$lim_dir/if-nested-40.yaml"
lim_expect "limits: Fn::If nested 40 deep" "0 1" '' 64
lim_absent "limits: Fn::If nested 40 deep is understood" '\[SL00[145]'

# Whatever the fuzzer found stays a fixture: it must not crash or hang again.
for f in "$lim_dir"/fuzz-*; do
    [ -e "$f" ] || continue
    lim_run "$f"
    lim_expect "limits: fuzz finding $(basename "$f")" "0 1"
done

# --- generated inputs ---
"$lim_gen" nesting 100000 > "$TMP/nest.yaml"
lim_run "$TMP/nest.yaml"
lim_expect "limits: 100k nested flow sequences are SL001" 1 'nesting deeper.*\[SL001' 64
awk 'BEGIN { n = 100000; s = "{\"Resources\": "; for (i = 0; i < n; i++) printf "{\"a\": "; printf "1"; for (i = 0; i < n; i++) printf "}"; print "}" }' > "$TMP/nest.json"
lim_run "$TMP/nest.json"
lim_expect "limits: 100k nested JSON objects are SL001" 1 'nesting deeper.*\[SL001' 64
"$lim_gen" aliasbomb 12 > "$TMP/bomb12.yaml"
lim_run "$TMP/bomb12.yaml"
lim_expect "limits: a 12-level alias bomb is SL001" 1 'alias.*\[SL001' 64

"$lim_gen" resources 10000 > "$TMP/res10k.yaml"
lim_run "$TMP/res10k.yaml"
lim_expect "limits: 10,000 resources" "0 1" '' 256
lim_absent "limits: 10,000 resources all resolve" '\[SL00[1345]'
"$lim_gen" sub 5000 > "$TMP/sub5k.yaml"
lim_run "$TMP/sub5k.yaml"
lim_expect "limits: a !Sub with 5,000 variables" "0 1" '' 128
lim_absent "limits: a !Sub with 5,000 variables resolves them all" '\[SL00[13456]'
"$lim_gen" wide 20000 > "$TMP/wide.yaml"
lim_run "$TMP/wide.yaml"
lim_expect "limits: a mapping of 20,000 keys" "0 1" '' 128
lim_absent "limits: a mapping of 20,000 distinct keys has no duplicate" '\[SL00[13]'
"$lim_gen" wide 3000 | sed 's/^      Wide:$/&\n        k2999: first/' > "$TMP/wide-dup.yaml"
lim_run "$TMP/wide-dup.yaml"
lim_expect "limits: a duplicate key in a long mapping is SL003" 1 ':[0-9]+:[0-9]+: error: .*\[SL003'

# Shapes that once made code quadratic (minutes); linear, each takes about a second.
"$lim_gen" params 200000 > "$TMP/scale.yaml"
lim_run --select SL004,SL006 "$TMP/scale.yaml"
lim_expect "limits: 200,000 unused parameters and 100,000 bad outputs (10,000 shown per rule)" 1 '20002 findings' 512
lim_expect "limits: findings over the per-rule cap are counted in a closing finding" 1 '190000 more findings of SL006 not shown'
"$lim_gen" depends 100000 > "$TMP/scale.yaml"
lim_run --select SL004 "$TMP/scale.yaml"
lim_expect "limits: a DependsOn list of 200,000 names" 1 '90000 more findings of SL004 not shown' 512
# A logical id of 400,000 characters (an explicit '?' key) whose DependsOn names
# 3,000 missing resources: each finding names the resource, which is one
# interned copy, not one per finding (the binary before issue 14 needed 1.1 GiB).
awk 'BEGIN {
    printf "Resources:\n  ? "
    for (i = 0; i < 400000; i++) printf "R"
    printf "\n  : Type: AWS::SQS::Queue\n    DependsOn:\n"
    for (i = 0; i < 3000; i++) printf "      - Missing%d\n", i
}' > "$TMP/longid.yaml"
lim_run "$TMP/longid.yaml"
lim_expect "limits: 3,000 findings naming a logical id of 400,000 characters" 1 '[0-9]{4} findings' 64
"$lim_gen" aliasorder 150000 > "$TMP/scale.yaml"
lim_run "$TMP/scale.yaml"
lim_expect "limits: 150,000 resources aliased in reverse order" "0 1" 'in 1 file' 512
# Nesting through aliases is not capped by the depth limit, only by the alias budget.
"$lim_gen" aliaschain 600 > "$TMP/scale.yaml"
lim_run "$TMP/scale.yaml"
lim_expect "limits: statements nested 1,200 deep through aliases" 1 'in 1 file' 128
"$lim_gen" aliaschain 2000 > "$TMP/scale.yaml"
lim_run "$TMP/scale.yaml"
lim_expect "limits: an alias chain over the alias budget is SL001" 1 'alias.*\[SL001'
"$lim_gen" mixed 2000 > "$TMP/scale.yaml"
lim_run --select all "$TMP/scale.yaml"  # the optional rules too
# 2,000 SL203 findings at the one Globals Timeout are one finding naming them all.
lim_expect "limits: 2,000 functions with every kind of event and neighbour" 1 '2000 more findings of SL401 not shown' 512
# Two more that were quadratic: minutes before, well under a second now, so
# the hang guard is 30 s (each took over a minute before the fix).
lim_timeout=30
"$lim_gen" jsonline 300000 > "$TMP/scale.json"
lim_run --max-file-size 32M "$TMP/scale.json"
lim_expect "limits: a one-line JSON template with 300,000 findings (each excerpt once per line)" 1 '290000 more findings of SL302 not shown' 512
"$lim_gen" ignorefile 100000 > "$TMP/scale.yaml"
lim_run --ignore SL609 "$TMP/scale.yaml"  # SL609 rightly says 100,000 resources are over the 500 quota
lim_expect "limits: 100,000 ignore-file comments over 100,000 findings" 0 '10001 suppressed' 512
lim_timeout=60
rm -f "$TMP/scale.yaml" "$TMP/scale.json"

"$lim_gen" big 100 > "$TMP/big.yaml"
lim_run "$TMP/big.yaml"
lim_expect "limits: a 100 MB file is refused by the default size limit" 1 'max-file-size.*\[SL001' 32
lim_run - < "$TMP/big.yaml"
lim_expect "limits: a 100 MB standard input is refused without reading it all" 1 'max-file-size.*\[SL001' 64
lim_run --max-file-size 200M "$TMP/big.yaml"
lim_expect "limits: --max-file-size 200M lints the 100 MB file" "0 1" '' 512
lim_absent "limits: the 100 MB file is a valid template" '\[SL00[12]'
lim_run --max-file-size 1K "$lim_dir/if-nested-40.yaml"
lim_expect "limits: --max-file-size 1K refuses an 18 KB file" 1 'max-file-size.*\[SL001'
rm -f "$TMP/big.yaml" "$TMP/res10k.yaml" "$TMP/nest.yaml" "$TMP/nest.json" "$TMP/sub5k.yaml" "$TMP/wide.yaml"

# --- what is not a file ---
lim_scan="$TMP/scan"
rm -rf "$lim_scan"
mkdir -p "$lim_scan/dir.yaml" "$lim_scan/cycle"
cp "$lim_dir/utf8-bom.yaml" "$lim_scan/real.yaml"
ln -s loop.yaml "$lim_scan/loop.yaml"
ln -s .. "$lim_scan/cycle/up"
ln -s ../cycle "$lim_scan/cycle/again.yaml"
ln -s missing.yaml "$lim_scan/dangling.yaml"
lim_fifo_ok=0
mkfifo "$lim_scan/fifo.yaml" 2> /dev/null && lim_fifo_ok=1
lim_run "$lim_scan"
lim_expect "limits: a scan with symlink loops, a FIFO and a directory named .yaml ends" "0 1" 'in 1 file'
lim_run -f json "$lim_scan"
lim_seen=$(python3 -c 'import json, sys; print(sorted(f["path"].rsplit("/", 1)[-1] for f in json.load(sys.stdin)["files"]))' < "$TMP/lim.out" 2>&1)
if [ "$lim_seen" = "['real.yaml']" ]; then
    ok "limits: a scan lints the one real file once, despite symlink loops"
else
    not_ok "limits: a scan lints the one real file once, despite symlink loops" "files: $lim_seen"
fi
if [ "$lim_fifo_ok" = 1 ]; then
    lim_run "$lim_scan/fifo.yaml"
    lim_expect "limits: a FIFO named explicitly is an error, not a hang" 2 'not a regular file'
else
    skip "limits: a FIFO named explicitly" "mkfifo failed"
fi
lim_run "$lim_scan/dir.yaml"
lim_expect "limits: an empty directory named explicitly lints nothing" 0
lim_run "$lim_scan/loop.yaml"
lim_expect "limits: a symlink loop named explicitly is an error" 2 'loop.yaml: cannot open'
lim_run /dev/null
lim_expect "limits: a device named explicitly is an error" 2 'not a regular file'
lim_run "$TMP/does-not-exist.yaml" "$lim_dir/nesting-300.yaml"
lim_expect "limits: a missing file is exit 2 and the others are still linted" 2 'does-not-exist.yaml: cannot open.*'
lim_expect "limits: files after a missing one are linted" 2 'nesting-300.yaml:.*\[SL001'

cp "$lim_dir/nesting-300.yaml" "$TMP/unreadable.yaml"
chmod 000 "$TMP/unreadable.yaml"
if [ ! -r "$TMP/unreadable.yaml" ]; then
    lim_run "$TMP/unreadable.yaml" "$lim_dir/alias-bomb.yaml"
    lim_expect "limits: an unreadable file is exit 2 with a reason" 2 'unreadable.yaml: cannot open: Permission denied'
    lim_expect "limits: files after an unreadable one are linted" 2 'alias-bomb.yaml:.*\[SL001'
elif [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SAMLINT" 2> /dev/null; then
    # root reads everything: drop to nobody for this one.
    chmod 755 "$TMP"
    setpriv --reuid=65534 --regid=65534 --clear-groups timeout 60 "$SAMLINT" "$TMP/unreadable.yaml" "$lim_dir/alias-bomb.yaml" > "$TMP/lim.out" 2> "$TMP/lim.err"
    lim_rc=$? lim_kb=0
    lim_expect "limits: an unreadable file is exit 2 with a reason" 2 'unreadable.yaml: cannot open: Permission denied'
    lim_expect "limits: files after an unreadable one are linted" 2 'alias-bomb.yaml:.*\[SL001'
else
    skip "limits: an unreadable file" "running as root without setpriv"
fi
chmod 600 "$TMP/unreadable.yaml"
