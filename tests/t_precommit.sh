# pre-commit: the real `pre-commit` runs this repository's hook (.pre-commit-hooks.yaml).

pc="$TMP/precommit"

# --templates-only (what the hooks pass): a named file that is no template is skipped, not SL002.
mkdir -p "$pc"
printf 'services:\n  web:\n    image: nginx\n' > "$pc/compose.yaml"
out=$("$SAMLINT" --templates-only "$pc/compose.yaml")
rc=$?
plain=$("$SAMLINT" "$pc/compose.yaml" | grep -c SL002)
if [ "$rc" -eq 0 ] && [ "$plain" = 1 ] && ! printf '%s' "$out" | grep -q SL002; then ok precommit_templates_only; else not_ok precommit_templates_only "rc=$rc plain=$plain $out"; fi
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
    (cd "$hookrepo" && git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm snapshot)

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
    git add good.yaml compose.yaml
    pre-commit try-repo "$hookrepo" samlint > "$pc/try-good.txt" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q 'samlint.*Passed' "$pc/try-good.txt"; then
        ok precommit_try_repo_good
    else
        not_ok precommit_try_repo_good "rc=$rc $(tail -n 15 "$pc/try-good.txt")"
    fi

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

    # Installed as a git hook: the bad template blocks the commit, the good one goes in.
    rev=$(git -C "$hookrepo" rev-parse HEAD)
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: samlint\n' "$hookrepo" "$rev" > .pre-commit-config.yaml
    git add .pre-commit-config.yaml
    pre-commit install > /dev/null 2>&1
    if git commit -qm "good template" > "$pc/commit-good.txt" 2>&1; then
        ok precommit_commit_good
    else
        not_ok precommit_commit_good "$(tail -n 15 "$pc/commit-good.txt")"
    fi
    git add bad.yaml
    if git commit -qm "bad template" > "$pc/commit-bad.txt" 2>&1; then
        not_ok precommit_commit_blocked "the commit went through"
    elif grep -q 'bad.yaml:6:.*SL004' "$pc/commit-bad.txt" && [ -z "$(git log --format=%s | grep 'bad template')" ]; then
        ok precommit_commit_blocked
    else
        not_ok precommit_commit_blocked "$(tail -n 15 "$pc/commit-bad.txt")"
    fi
    cd "$ROOT" || exit 1
    unset PRE_COMMIT_HOME
fi
