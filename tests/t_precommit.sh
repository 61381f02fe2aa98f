# pre-commit: the real `pre-commit` runs this repository's hook (.pre-commit-hooks.yaml).

pc="$TMP/precommit"

# --templates-only (what the hooks pass): a named file that is no template is skipped, not SL002.
mkdir -p "$pc"
printf 'services:\n  web:\n    image: nginx\n' > "$pc/compose.yaml"
out=$("$SAMLINT" --templates-only "$pc/compose.yaml")
rc=$?
plain=$("$SAMLINT" "$pc/compose.yaml" | grep -c SL002)
if [ "$rc" -eq 0 ] && [ "$plain" = 1 ] && ! printf '%s' "$out" | grep -q SL002; then ok precommit_templates_only; else not_ok precommit_templates_only "rc=$rc plain=$plain $out"; fi

# tools/pre-commit-samlint knows which options take a value: the same as src/cli.c's.
want=$( { grep -o '{"[a-z-]*", required_argument' "$ROOT/src/cli.c" | sed 's/{"\([a-z-]*\)".*/--\1/'; } | sort -u | tr '\n' ' ')
have=$(sed -n 's/^takes_value="\(.*\)"$/\1/p' "$ROOT/tools/pre-commit-samlint" | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ')
if [ -n "$want" ]; then check precommit_script_long_options "$want" "$have"; else not_ok precommit_script_long_options "no required_argument options found in src/cli.c"; fi
want=$(sed -n 's/^static const char short_options\[\] = "\(.*\)";/\1/p' "$ROOT/src/cli.c" | grep -o '[A-Za-z]:' | tr -d ':\n')
have=$(sed -n 's/^short_with_value=\(.*\)$/\1/p' "$ROOT/tools/pre-commit-samlint")
check precommit_script_short_options "$want" "$have"

# The script splits options from file names (abbreviated and grouped options
# included), with a stand-in samlint that prints what it was given.
mkdir -p "$pc/split/bin"
printf '#!/bin/sh\nfor a; do printf "[%%s]" "$a"; done; echo\n' > "$pc/split/bin/samlint"
chmod +x "$pc/split/bin/samlint"
(cd "$pc/split" && touch -- --write-baseline=pwn.yaml -x.yaml json error)
got=$(cd "$pc/split" && PATH="$pc/split/bin:$PATH" sh "$ROOT/tools/pre-commit-samlint" --system \
    --conf json -qf json --fail-on error --write-baseline=pwn.yaml -x.yaml)
check precommit_script_split "[--pre-commit][--conf][json][-qf][json][--fail-on][error][--][--write-baseline=pwn.yaml][-x.yaml]" "$got"
got=$(cd "$pc/split" && PATH="$pc/split/bin:$PATH" sh "$ROOT/tools/pre-commit-samlint" --system -fjson -q error -- -x.yaml)
check precommit_script_split_attached "[--pre-commit][-fjson][-q][--][error][--][-x.yaml]" "$got"

# Both hooks pass exactly the files samlint can use: its template extensions
# (src/inputs.c) and its handler code extensions (src/code.c).
want=$( { sed -n 's/^static const char \*const template_exts\[\] = {\(.*\)};/\1/p' "$ROOT/src/inputs.c";
          grep 'static const char \*const js\[\] = ' "$ROOT/src/code.c" | sed 's/.*= {\(.*\)};/\1/';
          grep -o 'strcmp(dot, "\.py")' "$ROOT/src/code.c" | grep -o '"\.py"'; } |
        grep -o '"\.[a-z]*"' | tr -d '".' | sort -u | tr '\n' ' ')
n_hooks=0
for re in $(sed -n "s/^  files: '\\\\\\.(\(.*\))\\$'$/\1/p" "$ROOT/.pre-commit-hooks.yaml"); do
    n_hooks=$((n_hooks + 1))
    check "precommit_hook_files_$n_hooks" "$want" "$(printf '%s' "$re" | tr '|' '\n' | sort -u | tr '\n' ' ')"
done
check precommit_hooks_with_files "2 $(grep -c '^- id:' "$ROOT/.pre-commit-hooks.yaml")" "$n_hooks 2"
check precommit_hooks_through_script "2" "$(grep -c '^  entry: tools/pre-commit-samlint' "$ROOT/.pre-commit-hooks.yaml")"

# --pre-commit with a handler code file: the templates upward from it whose
# functions' code folder holds it are linted (own CodeUri, Globals CodeUri,
# the template's folder for a SAM function without CodeUri); the others not.
hk="$pc/code"
mkdir -p "$hk/src" "$hk/tools" "$hk/svc/fn" "$hk/flat"
git init -q "$hk" 2> /dev/null || mkdir -p "$hk/.git"
sam_fn() {  # CODEURI-LINE (may be empty)
    printf 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n%s      Handler: app.handler\n      Runtime: nodejs22.x\n      MemorySize: 512\n      Timeout: 10\n' "$1"
}
sam_fn '      CodeUri: src/
' > "$hk/template.yaml"
sam_fn '      CodeUri: other/
' > "$hk/unrelated.yaml"
printf 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    CodeUri: fn\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      MemorySize: 512\n      Timeout: 10\n' > "$hk/svc/template.yaml"
sam_fn '' > "$hk/flat/template.yaml"
key="accessKeyId: 'AKIAZ7EXAMPLE2345ABC'"
printf "const c = { %s };\nexports.handler = async () => { try { return c; } catch (e) { throw e; } };\n" "$key" > "$hk/src/app.js"
cp "$hk/src/app.js" "$hk/flat/app.js"
printf "import boto3\ns3 = boto3.client('s3', aws_access_key_id='AKIAZ7EXAMPLE2345ABC')\ndef handler(event, context):\n    try:\n        return 1\n    except Exception:\n        raise\n" > "$hk/svc/fn/app.py"
# Not used by any template; its text says Resources (it is not linted as YAML).
printf "// Resources: none\nconst c = { %s };\n" "$key" > "$hk/tools/build.js"
hook_lint() { (cd "$hk" && "$SAMLINT" --pre-commit --no-excerpt --fail-on error -- "$@" 2>&1); }
out=$(hook_lint src/app.js); rc=$?
files=$(printf '%s\n' "$out" | grep -o '^[^:]*:[0-9]*:[0-9]*: ' | cut -d: -f1 | sort -u | tr '\n' ' ')
if [ "$rc" = 1 ] && printf '%s' "$out" | grep -q '^src/app.js:1:.*SL405' && [ "$files" = "src/app.js template.yaml " ]; then
    ok precommit_code_codeuri
else
    not_ok precommit_code_codeuri "rc=$rc files=[$files] $out"
fi
out=$(hook_lint svc/fn/app.py); rc=$?
files=$(printf '%s\n' "$out" | grep -o '^[^:]*:[0-9]*:[0-9]*: ' | cut -d: -f1 | sort -u | tr '\n' ' ')
if [ "$rc" = 1 ] && [ "$files" = "svc/fn/app.py svc/template.yaml " ]; then ok precommit_code_globals_codeuri; else not_ok precommit_code_globals_codeuri "rc=$rc files=[$files] $out"; fi
out=$(hook_lint flat/app.js); rc=$?
files=$(printf '%s\n' "$out" | grep -o '^[^:]*:[0-9]*:[0-9]*: ' | cut -d: -f1 | sort -u | tr '\n' ' ')
if [ "$rc" = 1 ] && [ "$files" = "flat/app.js flat/template.yaml " ]; then ok precommit_code_no_codeuri; else not_ok precommit_code_no_codeuri "rc=$rc files=[$files] $out"; fi
out=$(hook_lint tools/build.js); rc=$?
check precommit_code_unused "0 No findings in 0 files." "$rc $out"
# A staged template and a code file it holds: each linted once.
out=$(hook_lint template.yaml src/app.js); rc=$?
check precommit_code_and_template_once "1 1" "$rc $(printf '%s\n' "$out" | grep -c 'SL405')"

if ! command -v pre-commit > /dev/null || ! command -v git > /dev/null; then
    skip precommit "pre-commit (Debian package pre-commit) or git is missing"
else
    mkdir -p "$pc"
    export PRE_COMMIT_HOME="$pc/cache"
    # A snapshot of this working tree (committed or not) as a repository of its own,
    # so that the hook under test is exactly what is checked out here.
    hookrepo="$pc/hookrepo"
    mkdir -p "$hookrepo"
    (cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 tar cf - 2>/dev/null) | tar xf - -C "$hookrepo"
    rm -f "$hookrepo/samlint"
    (cd "$hookrepo" && git init -q -b main && git add -A && git -c user.name=t -c user.email=t@t commit -qm snapshot)

    work="$pc/work"
    mkdir -p "$work"
    cd "$work" || exit 1
    git init -q
    git config user.name test
    git config user.email test@example.com
    cat > good.yaml <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
YAML
    cat > bad.yaml <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref NoSuchParameter
YAML
    # Not a template: pre-commit hands over every YAML file; samlint must skip it.
    printf 'services:\n  web:\n    image: nginx\n' > compose.yaml

    # try-repo: the bad template fails with samlint's message, the good one passes.
    git add bad.yaml
    pre-commit try-repo "$hookrepo" samlint > "$pc/try-bad.txt" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] && grep -q 'bad.yaml:6:' "$pc/try-bad.txt" && grep -q 'SL004' "$pc/try-bad.txt"; then
        ok precommit_try_repo_bad
    else
        not_ok precommit_try_repo_bad "rc=$rc $(tail -n 15 "$pc/try-bad.txt")"
    fi
    git rm -q --cached bad.yaml

    # samlint-system: the samlint on the PATH, nothing built.
    git add bad.yaml
    PATH="$(dirname "$SAMLINT"):$PATH" pre-commit try-repo "$hookrepo" samlint-system > "$pc/try-system.txt" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] && grep -q 'bad.yaml:6:.*SL004' "$pc/try-system.txt"; then
        ok precommit_system_hook
    else
        not_ok precommit_system_hook "rc=$rc $(tail -n 15 "$pc/try-system.txt")"
    fi
    git rm -q --cached bad.yaml

    # The README's config, as written. The one change: its repository URL
    # becomes the local snapshot (the tests have no network).
    readme="$pc/readme"
    mkdir -p "$readme"
    cd "$readme" || exit 1
    git init -q
    git config user.name test
    git config user.email test@example.com
    awk '/^## pre-commit$/ { s = 1; next } s && /^```yaml$/ { y = 1; next } y && /^```$/ { exit } y { print }' \
        "$ROOT/README.md" > "$pc/readme-block.yaml"
    url="https://github.com/samlint/samlint"
    sed "s#repo: $url\$#repo: $hookrepo#" "$pc/readme-block.yaml" > .pre-commit-config.yaml
    changed=$(diff "$pc/readme-block.yaml" .pre-commit-config.yaml | grep -c '^[<>]')
    if [ "$changed" = 2 ] && grep -q '^  - repo: ' "$pc/readme-block.yaml"; then
        ok precommit_readme_block
    else
        not_ok precommit_readme_block "the README's pre-commit block has no 'repo: $url' line to point at the snapshot: $(cat "$pc/readme-block.yaml")"
    fi
    cp "$work/good.yaml" "$work/bad.yaml" "$work/compose.yaml" .
    # A good template and a YAML file that is no template (skipped) go in.
    git add .pre-commit-config.yaml good.yaml compose.yaml
    pre-commit install > /dev/null 2>&1
    if git commit -qm "good template" > "$pc/readme-good.txt" 2>&1 && git ls-files --error-unmatch compose.yaml > /dev/null 2>&1; then
        ok precommit_readme_commit_good
    else
        not_ok precommit_readme_commit_good "$(tail -n 15 "$pc/readme-good.txt")"
    fi
    # blocked: a commit is blocked when its output names the finding and
    # nothing was committed.
    blocked() {  # NAME OUTPUT-FILE PATTERN
        if [ -n "$(git diff --cached --name-only)" ] && ! git commit -qm "$1" > "$2" 2>&1 &&
            grep -q -- "$3" "$2" && [ -n "$(git diff --cached --name-only)" ]; then
            ok "$1"
        else
            not_ok "$1" "$(tail -n 15 "$2")"
        fi
        git reset -q
    }
    git add bad.yaml
    blocked precommit_readme_commit_blocked "$pc/readme-bad.txt" 'bad.yaml:6:.*SL004'
    # .template files are passed too.
    cp bad.yaml bad.template
    git add bad.template
    blocked precommit_template_ext_blocked "$pc/readme-template.txt" 'bad.template:6:.*SL004'
    rm -f bad.template
    # Staged files named like options are files: linted, no option obeyed.
    cp bad.yaml ./--write-baseline=pwn.yaml
    git add -- ./--write-baseline=pwn.yaml
    blocked precommit_dash_file_blocked "$pc/readme-dash.txt" 'write-baseline=pwn.yaml:6:.*SL004'
    if [ -e pwn.yaml ]; then not_ok precommit_dash_file_no_option "pwn.yaml was written"; else ok precommit_dash_file_no_option; fi
    rm -f ./--write-baseline=pwn.yaml
    cp good.yaml ./-x.yaml
    git add -- ./-x.yaml
    if git commit -qm "dash-named good template" > "$pc/readme-dash-good.txt" 2>&1 &&
        git ls-files --error-unmatch -- ./-x.yaml > /dev/null 2>&1; then
        ok precommit_dash_file_good
    else
        not_ok precommit_dash_file_good "$(tail -n 15 "$pc/readme-dash-good.txt")"
    fi

    # Handler code: a hardcoded key in src/app.js blocks the commit with
    # SL405; a code file that no template uses goes in.
    mkdir -p src tools
    printf 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n      Runtime: nodejs22.x\n      MemorySize: 512\n      Timeout: 10\n' > app.yaml
    printf "exports.handler = async () => { try { return 1; } catch (e) { throw e; } };\n" > src/app.js
    git add app.yaml src/app.js
    if git commit -qm "function" > "$pc/readme-fn.txt" 2>&1; then ok precommit_code_commit_clean; else not_ok precommit_code_commit_clean "$(tail -n 15 "$pc/readme-fn.txt")"; fi
    printf "const c = { accessKeyId: 'AKIAZ7EXAMPLE2345ABC' };\nexports.handler = async () => { try { return c; } catch (e) { throw e; } };\n" > src/app.js
    git add src/app.js
    blocked precommit_code_commit_blocked "$pc/readme-key.txt" 'src/app.js:1:.*SL405'
    git checkout -q -- src/app.js
    printf "const c = { accessKeyId: 'AKIAZ7EXAMPLE2345ABC' };\n" > tools/build.js
    git add tools/build.js
    if git commit -qm "unused code" > "$pc/readme-unused.txt" 2>&1 && git ls-files --error-unmatch tools/build.js > /dev/null 2>&1; then
        ok precommit_code_commit_unused
    else
        not_ok precommit_code_commit_unused "$(tail -n 15 "$pc/readme-unused.txt")"
    fi

    # `pre-commit autoupdate`, as the README says: `main` becomes the newest
    # commit's sha while there is no tag, and the hook still runs, with no
    # mutable-reference warning; once a tag exists, it becomes the tag.
    pre-commit autoupdate > "$pc/autoupdate.txt" 2>&1
    head=$(git -C "$hookrepo" rev-parse HEAD)
    if grep -q "^    rev: $head\( *#.*\)\?\$" .pre-commit-config.yaml; then
        ok precommit_autoupdate_sha
    else
        not_ok precommit_autoupdate_sha "$(cat "$pc/autoupdate.txt") $(grep 'rev:' .pre-commit-config.yaml)"
    fi
    pre-commit run --files good.yaml > "$pc/pinned.txt" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q 'samlint.*Passed' "$pc/pinned.txt" && ! grep -q 'mutable' "$pc/pinned.txt"; then
        ok precommit_pinned_runs
    else
        not_ok precommit_pinned_runs "rc=$rc $(tail -n 15 "$pc/pinned.txt")"
    fi
    git -C "$hookrepo" tag v0.1.0
    pre-commit autoupdate > "$pc/autoupdate-tag.txt" 2>&1
    if grep -q '^    rev: v0.1.0\( *#.*\)\?$' .pre-commit-config.yaml; then
        ok precommit_autoupdate_tag
    else
        not_ok precommit_autoupdate_tag "$(cat "$pc/autoupdate-tag.txt") $(grep 'rev:' .pre-commit-config.yaml)"
    fi

    cd "$ROOT" || exit 1
    unset PRE_COMMIT_HOME
fi
