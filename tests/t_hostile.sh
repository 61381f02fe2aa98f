# t_hostile.sh: the second round of hostile input (issue 14): nothing hides a
# file that was not parsed, special files in every role, secrets in every
# string that reaches output.

ho_bin="$ROOT/fixtures/limits/binary.yaml"

# --- SL001 cannot be hidden ---
for ho_args in "--select SL1" "--select SL2,SL3" "--ignore SL001" "--ignore SL0" "--severity SL001=info"; do
    # shellcheck disable=SC2086
    ho_out=$("$SAMLINT" --no-excerpt $ho_args "$ho_bin" 2>&1)
    ho_rc=$?
    check "hostile: $ho_args still reports a file that cannot be parsed (exit 1)" 1 "$ho_rc"
    check_contains "hostile: $ho_args still shows SL001 as an error" "error: file contains a NUL byte" "$ho_out"
done
printf 'severity:\n  SL001: off\nignore: [SL0]\n' > "$TMP/off.yaml"
ho_out=$("$SAMLINT" --no-excerpt --config "$TMP/off.yaml" "$ho_bin" 2>&1)
check "hostile: a config turning SL001 off cannot hide an unparsable file" 1 "$?"
printf 'Resources: [\n# samlint: ignore-file SL001 -- nothing to see\n' > "$TMP/sup.yaml"
ho_out=$("$SAMLINT" --no-excerpt "$TMP/sup.yaml" 2>&1)
check "hostile: an ignore-file SL001 comment cannot hide a syntax error" 1 "$?"
check_contains "hostile: the syntax error is shown despite the comment" "[SL001 yaml-syntax]" "$ho_out"
"$SAMLINT" --write-baseline "$TMP/bl.json" "$ho_bin" > /dev/null 2>&1
ho_out=$("$SAMLINT" --no-excerpt --baseline "$TMP/bl.json" "$ho_bin" 2>&1)
check "hostile: a baseline cannot hide an unparsable file" 1 "$?"

# --- config and baseline files are opened like templates ---
ho_tpl="$ROOT/fixtures/limits/escapes.yaml"
ho_fifo="$TMP/fifo"
if mkfifo "$ho_fifo" 2> /dev/null; then
    for ho_opt in --config --baseline; do
        ho_out=$(timeout 20 "$SAMLINT" $ho_opt "$ho_fifo" "$ho_tpl" 2>&1 > /dev/null)
        ho_rc=$?
        check "hostile: $ho_opt naming a FIFO is exit 2, not a hang" 2 "$ho_rc"
        check_contains "hostile: $ho_opt naming a FIFO says why" "not a regular file" "$ho_out"
    done
    ho_out=$(timeout 20 "$SAMLINT" --write-baseline "$ho_fifo" "$ho_tpl" 2>&1 > /dev/null)
    check "hostile: --write-baseline to a FIFO nobody reads is exit 2, not a hang" 2 "$?"
else
    skip "hostile: FIFOs" "mkfifo failed"
fi
for ho_opt in --config --baseline; do
    ho_out=$(timeout 20 "$SAMLINT" $ho_opt /dev/zero "$ho_tpl" 2>&1 > /dev/null)
    check "hostile: $ho_opt /dev/zero is exit 2, not out of memory" 2 "$?"
    check_contains "hostile: $ho_opt /dev/zero says why" "not a regular file" "$ho_out"
    ho_out=$(timeout 20 "$SAMLINT" $ho_opt "$TMP" "$ho_tpl" 2>&1 > /dev/null)
    check "hostile: $ho_opt naming a directory is exit 2" 2 "$?"
    check_contains "hostile: $ho_opt naming a directory says so" "is a directory" "$ho_out"
done
head -c 2000000 /dev/zero | tr '\0' '#' > "$TMP/huge.yaml"
ho_out=$(timeout 20 "$SAMLINT" --config "$TMP/huge.yaml" "$ho_tpl" 2>&1 > /dev/null)
check "hostile: a 2 MB config file is refused" 2 "$?"
check_contains "hostile: a 2 MB config file is refused with its size limit" "not a samlint config file" "$ho_out"

# --- a secret-shaped name is never shown whole ---
ho_key='wJalrXUtnFEMIK7MDENGbPxRfiCYzzzzKEY12345'
mkdir -p "$TMP/mask"
cat > "$TMP/mask/t.yaml" << EOF2
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Q:
    Type: AWS::SQS::Queue
    DependsOn: [$ho_key]
    Condition: $ho_key
    Properties:
      QueueName: !Ref $ho_key
      RedrivePolicy: {deadLetterTargetArn: !GetAtt $ho_key.Arn, maxReceiveCount: 3}
      Tags:
        - Key: k
          Value: !Sub "\${$ho_key}"
  $ho_key:
    Type: AWS::SQS::Queue
EOF2
for ho_fmt in text json sarif github junit; do
    ho_out=$(cd "$TMP/mask" && "$SAMLINT" -f "$ho_fmt" t.yaml 2>&1)
    case $ho_out in
    *"$ho_key"*) not_ok "hostile: -f $ho_fmt never shows a secret-shaped Ref/GetAtt/Sub/DependsOn/Condition name or logical id whole" "$(printf '%s\n' "$ho_out" | grep -m 2 "$ho_key")" ;;
    *wJal*) ok "hostile: -f $ho_fmt never shows a secret-shaped Ref/GetAtt/Sub/DependsOn/Condition name or logical id whole" ;;
    *) not_ok "hostile: -f $ho_fmt never shows a secret-shaped Ref/GetAtt/Sub/DependsOn/Condition name or logical id whole" "no finding names it: $(printf '%s' "$ho_out" | head -c 300)" ;;
    esac
done
(cd "$TMP/mask" && "$SAMLINT" --write-baseline bl.json t.yaml > /dev/null 2>&1)
if grep -q "$ho_key" "$TMP/mask/bl.json"; then
    not_ok "hostile: the baseline file never holds a secret-shaped name whole" "$(grep -m 2 "$ho_key" "$TMP/mask/bl.json")"
else
    ok "hostile: the baseline file never holds a secret-shaped name whole"
fi
# A secret written with JSON's \/ escape is masked in the excerpt too.
printf '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": [{"Key": "AWS_SECRET_ACCESS_KEY", "Value": "kZ8ur4pTq2vNwB7\\/xYhM3cLdE9sGfJ1aR6oWnQbV"}]}}}}\n' > "$TMP/mask/j.json"
ho_out=$("$SAMLINT" "$TMP/mask/j.json" 2>&1)
check_contains "hostile: SL102 flags a secret written with \\/" "[SL102" "$ho_out"
case $ho_out in
*'xYhM3cLdE9'*) not_ok "hostile: a secret written with \\/ is masked in the excerpt" "$(printf '%s\n' "$ho_out" | grep -m 2 xYhM3cLdE9)" ;;
*) ok "hostile: a secret written with \\/ is masked in the excerpt" ;;
esac
# A 40-letter logical id is no secret: shown as it is.
ho_long=LogicalIdThatIsExactlyFortyLettersLongAb
printf 'Resources:\n  %s:\n    Type: AWS::SQS::Queue\n' "$ho_long" > "$TMP/mask/long.yaml"
check_contains "hostile: a 40-letter logical id is shown as it is" "'$ho_long'" "$("$SAMLINT" --no-excerpt "$TMP/mask/long.yaml" 2>&1)"

# --- broken output ---
# Written as escapes: libyaml refuses these characters raw (SL001), so only
# an escape carries them into a message.
printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref "x\\uFFFFy\\uFFFEz\\uFDD0w\\U0001FFFFv"}\n' > "$TMP/nonchar.yaml"
if "$SAMLINT" -f junit "$TMP/nonchar.yaml" 2> /dev/null | python3 -c 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())' 2> "$TMP/xml.err"; then
    ok "hostile: U+FFFF, U+FFFE, U+FDD0 and U+1FFFF in a template leave JUnit well-formed XML"
else
    not_ok "hostile: U+FFFF, U+FFFE, U+FDD0 and U+1FFFF in a template leave JUnit well-formed XML" "$(tail -n 1 "$TMP/xml.err")"
fi
printf 'Resources:\n  Q\377\376:\n    Type: AWS::SQS::Queue\n' > "$TMP/bad8.yaml"
"$SAMLINT" --write-baseline "$TMP/b8.json" "$TMP/bad8.yaml" > /dev/null 2>&1
if python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' "$TMP/b8.json" 2> "$TMP/b8.err"; then
    ok "hostile: the baseline file is valid UTF-8 JSON whatever the template holds"
else
    not_ok "hostile: the baseline file is valid UTF-8 JSON whatever the template holds" "$(tail -n 1 "$TMP/b8.err")"
fi
mkdir -p "$TMP/bad8dir" && printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' > "$TMP/bad8dir/$(printf 'q\377.yaml')"
(cd "$TMP/bad8dir" && "$SAMLINT" --write-baseline "$TMP/b9.json" . > /dev/null 2>&1)
if python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' "$TMP/b9.json" 2> "$TMP/b9.err"; then
    ok "hostile: the baseline file is valid UTF-8 JSON whatever the file is named"
else
    not_ok "hostile: the baseline file is valid UTF-8 JSON whatever the file is named" "$(tail -n 1 "$TMP/b9.err")"
fi

# --- smaller ones ---
ho_one=$("$SAMLINT" --no-excerpt - < "$TMP/nonchar.yaml" 2>&1)
ho_two=$("$SAMLINT" --no-excerpt - - < "$TMP/nonchar.yaml" 2>&1)
check "hostile: 'samlint - -' reads standard input once" "$ho_one" "$ho_two"
ho_out=$("$SAMLINT" --select "$(printf 'SL\033[2J')" "$TMP/nonchar.yaml" 2>&1)
case $ho_out in
*"$(printf '\033')"*) not_ok "hostile: a usage error escapes the argument it quotes" "raw ESC on stderr" ;;
*) ok "hostile: a usage error escapes the argument it quotes" ;;
esac
for ho_arg in SL304.typo=4 SL304.factor=nan SL304.factor=inf SL304.factor=-inf; do
    "$SAMLINT" --rule-option "$ho_arg" "$TMP/nonchar.yaml" > /dev/null 2>&1
    check "hostile: --rule-option $ho_arg is a usage error, as in a config file" 2 "$?"
done
for ho_val in .nan .inf nan inf; do
    printf 'rule-options:\n  SL304: {factor: %s}\n' "$ho_val" > "$TMP/nan.yaml"
    "$SAMLINT" --config "$TMP/nan.yaml" "$TMP/nonchar.yaml" > /dev/null 2>&1
    check "hostile: factor: $ho_val in a config file is an error" 2 "$?"
done
ho_deep="$TMP/deep"
for ho_i in $(seq 70); do ho_deep="$ho_deep/d"; done
mkdir -p "$ho_deep" && cp "$TMP/nonchar.yaml" "$ho_deep/t.yaml"
ho_out=$("$SAMLINT" "$TMP/deep" 2>&1)
check "hostile: a directory tree deeper than 64 levels is exit 2" 2 "$?"
check_contains "hostile: the too-deep directory is named, not skipped silently" "/d/d: directories nested deeper than 64 levels" "$ho_out"

# --- surrogate pairs and long keys (the loader) ---
# A JSON surrogate pair is one character: the template is linted, not SL001.
printf '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "\\ud83d\\ude80"}}, "B": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Delet"}}}\n' > "$TMP/pair.json"
ho_out=$("$SAMLINT" --no-excerpt "$TMP/pair.json" 2>&1)
case $ho_out in
*SL001*) not_ok "hostile: a JSON surrogate pair is not a syntax error" "$ho_out" ;;
*) ok "hostile: a JSON surrogate pair is not a syntax error" ;;
esac
check_contains "hostile: the template with a surrogate pair is linted past it" "pair.json:1:146: error: 'Delet' is not a valid DeletionPolicy" "$ho_out"
printf '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a\\ud83d"}}}}\n' > "$TMP/lone.json"
ho_out=$("$SAMLINT" --no-excerpt "$TMP/lone.json" 2>&1)
check "hostile: a lone surrogate escape is exit 1" 1 "$?"
check_contains "hostile: a lone surrogate escape is SL001 at the escape, saying so" "lone.json:1:79: error: lone UTF-16 surrogate \\ud83d in a string" "$ho_out"
# A JSON key of 1,022 characters (1,024 with its quotes) loads; 1,023 is a finding naming the limit.
for ho_n in 1022 1023; do
    ho_key=$(head -c "$ho_n" /dev/zero | tr '\0' k)
    printf '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": {\n  "%s": 1}}}}\n' "$ho_key" > "$TMP/key$ho_n.json"
done
ho_out=$("$SAMLINT" --no-excerpt "$TMP/key1022.json" 2>&1)
check "hostile: a JSON key of 1,022 characters loads" 0 "$?"
ho_out=$("$SAMLINT" --no-excerpt "$TMP/key1023.json" 2>&1)
check_contains "hostile: a JSON key of 1,023 characters is SL001 at the key, naming its length and the limit" \
    "key1023.json:2:3: error: a mapping key of 1025 characters up to its ':': YAML takes a key written without '?' only up to 1024 characters" "$ho_out"
