# t_output_safety.sh: whatever bytes a template or a file name holds, text output cannot drive the
# terminal and JSON/SARIF/JUnit/GitHub output stays valid.

os_dir="$TMP/outsafe"
rm -rf "$os_dir"
mkdir -p "$os_dir"
cp "$ROOT/fixtures/limits/escapes.yaml" "$os_dir/escapes.yaml"
# File names carrying an escape sequence, a newline (a forged finding line) and invalid UTF-8.
os_evil_name=$(printf 'evil\033[31mred\nfake.yaml:1:1: error: forged [SL999 x]\r.yaml')
cp "$ROOT/fixtures/limits/escapes.yaml" "$os_dir/$os_evil_name"
cp "$ROOT/fixtures/limits/nesting-300.yaml" "$os_dir/$(printf 'bad\377\376utf8.yaml')"
cp "$ROOT/fixtures/limits/nul-bytes.yaml" "$os_dir/nul.yaml"
cp "$ROOT/fixtures/limits/invalid-utf8.yaml" "$os_dir/invalid-utf8.yaml"
# Raw bidi overrides and a line separator in a source line that excerpts show.
printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref "x\342\200\256y\342\201\246z\342\200\250w"}\n' > "$os_dir/bidi.yaml"

# os_scan FILE WHAT [structured]: FILE holds no terminal control: no C0
# control but newline and tab (excerpts keep a line's tabs), no DEL, only
# valid UTF-8; unless structured, also no C1 control and no bidi override
# (a parser reads those; a person may not).
os_scan() {
    python3 - "$1" "$2" "${3:-}" << 'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
what = sys.argv[2]
structured = sys.argv[3] == 'structured'
# Structured formats may indent with tabs and end lines with CR.
bad = re.search(rb'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' if structured else rb'[\x00-\x08\x0b-\x1f\x7f]', data)
if bad:
    sys.exit('%s: raw control byte 0x%02x at %d: %r' % (what, bad.group()[0], bad.start(), data[max(0, bad.start() - 40):bad.start() + 10]))
try:
    text = data.decode('utf-8')
except UnicodeDecodeError as e:
    sys.exit('%s: invalid UTF-8: %s' % (what, e))
m = re.search('[\x80-\x9f\u202a-\u202e\u2066-\u2069]', text)
if m and not structured:
    sys.exit('%s: C1 or bidi control U+%04X' % (what, ord(m.group())))
PY
}

os_check() {
    local name=$1 detail
    shift
    if detail=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$detail"; fi
}

timeout 60 "$SAMLINT" --color never "$os_dir" > "$TMP/os.txt" 2> "$TMP/os.err"
os_rc=$?
if [ "$os_rc" -ge 3 ]; then
    not_ok "output safety: text run" "exit $os_rc: $(head -c 300 "$TMP/os.err")"
fi
os_check "output safety: text output has no control characters" os_scan "$TMP/os.txt" text
os_check "output safety: error messages have no control characters" os_scan "$TMP/os.err" stderr
if grep -q 'SL999' "$TMP/os.txt" && grep -c '^fake\.yaml:1:1' "$TMP/os.txt" > /dev/null; then
    not_ok "output safety: a newline in a file name cannot forge a finding line" "$(grep -a 'SL999' "$TMP/os.txt" | head -n 2)"
else
    ok "output safety: a newline in a file name cannot forge a finding line"
fi
if grep -q 'evil\\x1[Bb]\[31mred\\x0[Aa]fake' "$TMP/os.txt"; then
    ok "output safety: control characters in a path are shown as \\xNN"
else
    not_ok "output safety: control characters in a path are shown as \\xNN" "$(grep -a evil "$TMP/os.txt" | head -n 2)"
fi
if grep -q 'Missing\\x1[Bb]\[1A\\x0[Dd]BELL\\x07' "$TMP/os.txt"; then
    ok "output safety: control characters quoted from a template are shown as \\xNN"
elif grep -q 'Missing' "$TMP/os.txt"; then
    not_ok "output safety: control characters quoted from a template are shown as \\xNN" "$(grep -a Missing "$TMP/os.txt" | head -n 2)"
else
    skip "output safety: control characters quoted from a template" "no rule quotes the unresolved name"
fi
if grep -q 'bad\\x[Ff][Ff]\\x[Ff][Ee]utf8' "$TMP/os.txt"; then
    ok "output safety: invalid UTF-8 in a path is shown as \\xNN"
else
    not_ok "output safety: invalid UTF-8 in a path is shown as \\xNN" "$(grep -a 'bad' "$TMP/os.txt" | head -n 2)"
fi
timeout 60 "$SAMLINT" --color always "$os_dir" > "$TMP/os-color.txt" 2> /dev/null
# Colour adds SGR sequences of our own; nothing else may reach the terminal.
python3 - "$TMP/os-color.txt" << 'PY' > "$TMP/os-nocolor.txt"
import re, sys
sys.stdout.buffer.write(re.sub(rb'\x1b\[[0-9;]*m', b'', open(sys.argv[1], 'rb').read()))
PY
os_check "output safety: with colour, only samlint's own colour codes" os_scan "$TMP/os-nocolor.txt" "text (colour)"

# Structured formats: parse them with real parsers.
os_json() {
    python3 - "$1" << 'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
doc = json.loads(raw.decode('utf-8'))
if not isinstance(doc, dict):
    sys.exit('top level is not an object')
PY
}
os_xml() {
    python3 - "$1" << 'PY'
import sys, xml.etree.ElementTree as ET
ET.parse(sys.argv[1])
PY
}
os_github() {
    python3 - "$1" << 'PY'
import sys
for n, line in enumerate(open(sys.argv[1], 'rb').read().split(b'\n'), 1):
    if line and not line.startswith(b'::'):
        sys.exit('line %d is not a workflow command: %r' % (n, line[:120]))
PY
}

for os_fmt in json sarif junit github; do
    timeout 60 "$SAMLINT" -f "$os_fmt" "$os_dir" > "$TMP/os.$os_fmt" 2> "$TMP/os.err"
    os_rc=$?
    if [ "$os_rc" = 2 ] && grep -q 'unknown format' "$TMP/os.err"; then
        skip "output safety: $os_fmt output" "format not built in"
        continue
    fi
    if [ "$os_rc" -ge 3 ]; then
        not_ok "output safety: $os_fmt run" "exit $os_rc: $(head -c 300 "$TMP/os.err")"
        continue
    fi
    case $os_fmt in
    json | sarif) os_check "output safety: $os_fmt output parses whatever the template holds" os_json "$TMP/os.$os_fmt" ;;
    junit) os_check "output safety: junit output parses as XML whatever the template holds" os_xml "$TMP/os.$os_fmt" ;;
    github) os_check "output safety: github output is only workflow commands" os_github "$TMP/os.$os_fmt" ;;
    esac
    os_kind=structured
    [ "$os_fmt" = github ] && os_kind=
    os_check "output safety: $os_fmt output has no raw control characters" os_scan "$TMP/os.$os_fmt" "$os_fmt" $os_kind
done

# Broken output is an error, never a quiet success: a full disk, a closed
# standard output and a reader that went away are exit 2 with a message
# naming the output, in every format; so is a baseline that cannot be written.
os_tpl="$ROOT/fixtures/limits/escapes.yaml"
if [ -w /dev/full ]; then
    for os_fmt in text json sarif github junit; do
        "$SAMLINT" -f "$os_fmt" "$os_tpl" > /dev/full 2> "$TMP/os.err"
        os_rc=$?
        check "output safety: -f $os_fmt to /dev/full is exit 2" 2 "$os_rc"
        check_contains "output safety: -f $os_fmt to /dev/full names the output" "standard output: No space left on device" "$(cat "$TMP/os.err")"
    done
    "$SAMLINT" --list-rules > /dev/full 2> "$TMP/os.err"
    check "output safety: --list-rules to /dev/full is exit 2" 2 "$?"
    "$SAMLINT" --write-baseline /dev/full "$os_tpl" 2> "$TMP/os.err"
    check "output safety: a baseline written to /dev/full is exit 2" 2 "$?"
    check_contains "output safety: a baseline written to /dev/full names the file" "/dev/full: No space left on device" "$(cat "$TMP/os.err")"
else
    skip "output safety: /dev/full" "no /dev/full"
fi
"$SAMLINT" "$os_tpl" >&- 2> "$TMP/os.err"
check "output safety: a closed standard output is exit 2" 2 "$?"
check_contains "output safety: a closed standard output is named" "standard output:" "$(cat "$TMP/os.err")"
# A reader that stops after 10 bytes: the rest cannot be written.
os_many="$TMP/os-many"
mkdir -p "$os_many"
for os_i in 1 2 3 4 5 6 7 8; do cp -r "$ROOT/fixtures" "$os_many/f$os_i"; done
( "$SAMLINT" -f sarif "$os_many" 2> "$TMP/os.err"; echo $? > "$TMP/os.rc" ) | head -c 10 > /dev/null
check "output safety: a closed pipe is exit 2" 2 "$(cat "$TMP/os.rc")"
check_contains "output safety: a closed pipe is named" "standard output: Broken pipe" "$(cat "$TMP/os.err")"
rm -rf "$os_many"
