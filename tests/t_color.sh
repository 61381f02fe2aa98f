# Text output: colour only on a terminal (NO_COLOR, --color), source excerpt with a caret.

co="$TMP/color"
mkdir -p "$co"
cat > "$co/t.yaml" <<'YAML'
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Missing
YAML
esc=$(printf '\033')
has_esc() { grep -q "$esc" "$1"; }

# co_tty FILE CMD...: run CMD with a terminal as its stdout, output to FILE.
co_tty() {
    local out=$1
    shift
    script -qec "$(printf '%q ' "$@")" /dev/null < /dev/null > "$out" 2>&1
}

(cd "$co" && "$SAMLINT" --select SL0 t.yaml > pipe.txt 2>&1)
if has_esc "$co/pipe.txt"; then not_ok color_not_in_pipe "escape codes in piped output"; else ok color_not_in_pipe; fi
(cd "$co" && "$SAMLINT" --select SL0 --color=always t.yaml > always.txt 2>&1)
if has_esc "$co/always.txt"; then ok color_always; else not_ok color_always "no escape codes"; fi

if command -v script > /dev/null; then
    (cd "$co" && unset NO_COLOR && co_tty tty.txt "$SAMLINT" --select SL0 t.yaml)
    if has_esc "$co/tty.txt"; then ok color_on_terminal; else not_ok color_on_terminal "$(head -c 300 "$co/tty.txt")"; fi
    (cd "$co" && NO_COLOR=1 co_tty nocolor.txt "$SAMLINT" --select SL0 t.yaml)
    if has_esc "$co/nocolor.txt" || ! grep -q SL004 "$co/nocolor.txt"; then not_ok color_no_color_env "$(head -c 300 "$co/nocolor.txt")"; else ok color_no_color_env; fi
    (cd "$co" && unset NO_COLOR && co_tty never.txt "$SAMLINT" --select SL0 --color=never t.yaml)
    if has_esc "$co/never.txt"; then not_ok color_never "escape codes"; else ok color_never; fi
    (cd "$co" && NO_COLOR=1 co_tty forced.txt "$SAMLINT" --select SL0 --color=always t.yaml)
    if has_esc "$co/forced.txt"; then ok color_always_beats_no_color; else not_ok color_always_beats_no_color "no escape codes"; fi
else
    skip color_on_terminal "script(1) from util-linux is missing"
fi

# The excerpt: the offending line, then a caret under its column (spanning the value).
excerpt=$(grep -A2 '^t.yaml:5:' "$co/pipe.txt")
want='t.yaml:5:23: error: '
line2=$(printf '%s\n' "$excerpt" | sed -n 2p)
line3=$(printf '%s\n' "$excerpt" | sed -n 3p)
src_col=$(awk -v l="$line2" 'BEGIN { print index(l, "Missing") }')
caret_col=$(awk -v l="$line3" 'BEGIN { print index(l, "^") }')
case "$excerpt" in
    "$want"*) if [ "$src_col" -gt 0 ] && [ "$src_col" = "$caret_col" ] && [ "${line3##*^}" = "~~~~~~" ]; then
                  ok color_excerpt_caret
              else
                  not_ok color_excerpt_caret "$excerpt"
              fi ;;
    *) not_ok color_excerpt_caret "$excerpt" ;;
esac
(cd "$co" && "$SAMLINT" --select SL0 --no-excerpt t.yaml > plain.txt 2>&1)
if grep -q 'QueueName' "$co/plain.txt" || ! grep -q '^t.yaml:5:23: error' "$co/plain.txt"; then
    not_ok color_no_excerpt "$(cat "$co/plain.txt")"
else
    ok color_no_excerpt
fi

# Hostile lines: control characters are not written raw, a huge line is cut.
printf 'Resources:\n  Q: "a\033[2Jb\n' > "$co/ctl.yaml"
(cd "$co" && "$SAMLINT" --color=never ctl.yaml > ctl.txt 2>&1)
if has_esc "$co/ctl.txt"; then not_ok color_excerpt_sanitised "raw escape in output"; else ok color_excerpt_sanitised; fi
# One line: the finding at column ~230 is shown in a window, the caret under it.
python3 -c 'import json; print(json.dumps({"Description": "x" * 180, "Resources": {"R": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Nope"}}}}}))' > "$co/long.json"
(cd "$co" && "$SAMLINT" --select SL0 long.json > long.txt 2>&1)
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$co/long.txt")
src=$(grep -F '"Nope"' "$co/long.txt" | grep ' | ')
caret=$(grep -F '^' "$co/long.txt")
if [ "$longest" -lt 150 ] && [ -n "$caret" ] &&
   [ "$(awk -v l="$src" 'BEGIN { print index(l, "\"Nope\"") }')" = "$(awk -v l="$caret" 'BEGIN { print index(l, "^") }')" ]; then
    ok color_excerpt_long_line
else
    not_ok color_excerpt_long_line "longest line $longest: $(cat "$co/long.txt")"
fi
