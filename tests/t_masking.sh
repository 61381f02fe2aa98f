# t_masking: a secret found by SL101/SL102 is never printed whole, in any output format.
# The planted key and secret differ from the examples in the rule docs
# (which SARIF embeds as rule help).

masking_key_id=AKIAZ7Q3MASKINGTEST2
masking_secret='t4sKmAsK/Ng+TeSt0123456789abcdefGHIJKLmn'
masking_tpl="$TMP/masking.yaml"
cat > "$masking_tpl" <<TPL
Transform: AWS::Serverless-2016-10-31
Metadata:
  Deploy:
    KeyId: $masking_key_id
    AwsSecretAccessKey: $masking_secret
Parameters:
  DeployKeyId:
    Type: String
    Default: $masking_key_id
  AwsSecretKey:
    Type: String
    Default: $masking_secret
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        import boto3
        s3 = boto3.client("s3", aws_access_key_id="$masking_key_id",
                          aws_secret_access_key="$masking_secret")
      Environment:
        Variables:
          AWS_ACCESS_KEY_ID: $masking_key_id
          AWS_SECRET_ACCESS_KEY: $masking_secret
Outputs:
  $masking_key_id:
    Description: an output whose logical id is a key (JSON/SARIF name it)
    Value: x
TPL

# $1: format name, $2...: samlint arguments
masking_check() {
    local fmt="$1" out
    shift
    out=$("$SAMLINT" --select SL101,SL102 "$@" "$masking_tpl" 2>&1)
    if printf '%s' "$out" | grep -qF "$masking_key_id"; then
        not_ok "masking $fmt: access key id" "printed whole"
    elif printf '%s' "$out" | grep -qF "$masking_secret"; then
        not_ok "masking $fmt: secret key" "printed whole"
    elif printf '%s' "$out" | grep -qF -e "${masking_key_id:4}" -e "${masking_secret:22}" -e "${masking_secret:4:9}"; then
        not_ok "masking $fmt" "a secret printed past its first 4 characters"
    elif [ "$(printf '%s' "$out" | grep -o 'SL101' | wc -l)" -lt 4 ] || [ "$(printf '%s' "$out" | grep -o 'SL102' | wc -l)" -lt 4 ]; then
        not_ok "masking $fmt" "expected 4 SL101 and 4 SL102 findings, got: $out"
    elif ! printf '%s' "$out" | grep -qF 'AKIA*'; then
        not_ok "masking $fmt" "no masked key shown: $out"
    else
        ok "masking $fmt"
    fi
}

masking_check text
for masking_fmt in json sarif github; do
    "$SAMLINT" --select SL101 --format "$masking_fmt" "$masking_tpl" >/dev/null 2>&1
    if [ $? -le 1 ]; then
        masking_check "$masking_fmt" --format "$masking_fmt"
    else
        skip "masking $masking_fmt" "--format $masking_fmt not available"
    fi
done

# File names that look like secrets are masked in every output: a template
# named by an access key id in a folder named by a secret key, with a
# handler file (another file's findings) named by the key too.
masking_dir="$TMP/names/$(printf '%s' "$masking_secret" | tr '/' 'x')"
mkdir -p "$masking_dir"
masking_named="$masking_dir/$masking_key_id.yaml"
cat > "$masking_named" <<TPL
Resources:
  Q:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: $masking_key_id.handler
      CodeUri: .
TPL
printf 'import boto3\nk = "%s"\ndef handler(e, c):\n    return 1\n' "$masking_key_id" > "$masking_dir/$masking_key_id.py"
masking_secret_x=$(printf '%s' "$masking_secret" | tr '/' 'x')
for masking_fmt in text json sarif junit github; do
    masking_out=$(cd "$TMP" && "$SAMLINT" --format "$masking_fmt" "names" 2>&1)
    if printf '%s' "$masking_out" | grep -qF -e "${masking_key_id:4}" -e "${masking_secret_x:4}"; then
        not_ok "masking $masking_fmt: file and folder names that look like secrets" "$(printf '%s' "$masking_out" | grep -F -e "${masking_key_id:4}" -e "${masking_secret_x:4}" | head -n 2)"
    elif ! printf '%s' "$masking_out" | grep -qF 'AKIA****************'; then
        not_ok "masking $masking_fmt: file and folder names that look like secrets" "no masked name shown: $(printf '%s' "$masking_out" | head -n 3)"
    else
        ok "masking $masking_fmt: file and folder names that look like secrets"
    fi
done
masking_out=$(cd "$TMP" && "$SAMLINT" --write-baseline "$TMP/names-baseline.json" "names" 2>&1; cat "$TMP/names-baseline.json")
if printf '%s' "$masking_out" | grep -qF -e "${masking_key_id:4}" -e "${masking_secret_x:4}"; then
    not_ok "masking baseline: file names that look like secrets" "printed whole"
elif ! printf '%s' "$masking_out" | grep -qF 'AKIA****************'; then
    not_ok "masking baseline: file names that look like secrets" "no masked name: $masking_out"
else
    ok "masking baseline: file names that look like secrets"
fi
masking_out=$(cd "$TMP" && "$SAMLINT" --baseline "$TMP/names-baseline.json" "names" 2>&1)
check "masking baseline: the baseline written with masked names still matches its findings" 0 "$?"
