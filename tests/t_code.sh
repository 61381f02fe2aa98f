# t_code: handler code that cannot be read or is oddly shaped (sourced by tests/run).

# The unit test (tests/unit_code.c) is built by make check and run by t_loader.sh.

# A handler file over the size limit is skipped: no SL401-SL406 finding
# from its contents and no SL407 (it exists). Generated here, not committed.
big="$TMP/code_oversized"
mkdir -p "$big/src"
cat > "$big/template.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Resources:
  BigFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      CodeUri: src/
      Handler: app.handler
  SmallFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      CodeUri: src/
      Handler: small.handler
YAML
echo "exports.handler = async () => require('aws-sdk');" > "$big/src/small.js"
{
    echo "exports.handler = async () => require('aws-sdk');"
    head -c 1100000 /dev/zero | tr '\0' '/'
    echo
} > "$big/src/app.js"
out=$("$SAMLINT" --no-excerpt --select SL4 "$big/template.yaml" 2>&1)
if printf '%s\n' "$out" | grep -q 'src/app.js'; then
    not_ok "code: oversized handler file is skipped" "$out"
elif ! printf '%s\n' "$out" | grep -q 'src/small.js:1:31: error: .*SL403'; then
    not_ok "code: small file beside an oversized one is still checked" "$out"
else
    ok "code: oversized handler file is skipped"
fi

# Odd shapes where code properties are expected: no crash, no finding.
odd="$TMP/code_odd"
mkdir -p "$odd/src"
echo "exports.handler = async () => 1;" > "$odd/src/app.js"
cat > "$odd/template.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: [not, a, mapping]
Resources:
  ListHandler:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs20.x, CodeUri: src, Handler: [app, handler]}
  MapRuntime:
    Type: AWS::Serverless::Function
    Properties: {Runtime: {a: b}, CodeUri: src, Handler: app.handler}
  ListCodeUri:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs20.x, CodeUri: [src], Handler: app.handler}
  MapInline:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, InlineCode: {def: x}, Handler: index.handler}
  ListMetadata:
    Type: AWS::Serverless::Function
    Metadata: [BuildMethod, esbuild]
    Properties: {Runtime: nodejs20.x, CodeUri: src, Handler: ../../etc/app.handler}
  AbsoluteHandler:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs20.x, CodeUri: src, Handler: /etc/passwd.handler}
  EmptyHandler:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs20.x, CodeUri: src, Handler: ''}
  DotsOnly:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, CodeUri: src, Handler: '...'}
  PropsList:
    Type: AWS::Lambda::Function
    Properties: [Code, ZipFile]
  CodeZipList:
    Type: AWS::Lambda::Function
    Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: [a, b]}}
YAML
out=$("$SAMLINT" --no-excerpt --select SL4 "$odd/template.yaml" 2>&1); rc=$?
if [ "$rc" -ge 2 ] || printf '%s\n' "$out" | grep -q 'SL4'; then
    not_ok "code: odd shapes give no SL4xx finding and no crash" "exit $rc: $out"
else
    ok "code: odd shapes give no SL4xx finding and no crash"
fi

# One source file shared by several functions of two templates is read once.
shared="$TMP/code_shared"
mkdir -p "$shared/code" "$shared/a" "$shared/b"
echo "exports.first = async () => 1; exports.second = async () => 2;" > "$shared/code/lib.js"
for t in a b; do
    cat > "$shared/$t/template.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: nodejs20.x, CodeUri: ../code}
Resources:
  First: {Type: AWS::Serverless::Function, Properties: {Handler: lib.first}}
  Second: {Type: AWS::Serverless::Function, Properties: {Handler: lib.second}}
YAML
done
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=open,openat -o "$shared/trace" "$SAMLINT" --select SL4 "$shared/a/template.yaml" \
        "$shared/b/template.yaml" >"$shared/out" 2>&1
    opened=$(grep -c 'lib\.js' "$shared/trace")
    found=$(grep -c 'lib\.js:1:.*SL401' "$shared/out")
    if [ "$opened" = 1 ] && [ "$found" = 4 ]; then
        ok "code: a shared handler file is read once per run"
    else
        not_ok "code: a shared handler file is read once per run" "opened $opened times, $found SL401 findings (want 1, 4)"
    fi
else
    skip "code: a shared handler file is read once per run" "strace not installed"
fi
