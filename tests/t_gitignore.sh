# t_gitignore.sh: directory scans leave out what git ignores (.gitignore
# files in the scanned tree and above it up to the work tree's root,
# .git/info/exclude); a file named on the command line is still linted;
# --no-gitignore and `gitignore: false` turn it off.

gr="$TMP/repo"
mkdir -p "$gr/build" "$gr/sub/deeper" "$gr/docs/a/b" "$gr/cache.yaml"
git -C "$gr" init -q 2>/dev/null || mkdir -p "$gr/.git/info"
mkdir -p "$gr/.git/info"
tpl='Resources:
  Q:
    Type: AWS::SQS::Queue
'
for f in t.yaml build/b.yaml x.generated.yaml keep.generated.yaml top-only.yaml sub/top-only.yaml \
         sub/y.generated.yaml sub/local.yaml local.yaml sub/deeper/local.yaml docs/draft.yaml \
         docs/a/b/draft.yaml docs/a/final.yaml by-info.yaml 'sp ace.yaml' '#hash.yaml' cache.yaml/c.yaml; do
    printf '%s' "$tpl" > "$gr/$f"
done
cat > "$gr/.gitignore" <<'EOF2'
# build output
build/
*.generated.yaml
!keep.generated.yaml
/top-only.yaml
docs/**/draft.yaml
sp\ ace.yaml
\#hash.yaml
c.yaml/
EOF2
printf 'local.yaml\n' > "$gr/sub/.gitignore"
printf 'by-info.yaml\n' > "$gr/.git/info/exclude"

# gi_files DIR ARGS...: the files a scan lints, sorted, relative to $gr.
gi_files() {
    local dir=$1
    shift
    (cd "$dir" && "$SAMLINT" --no-config -f json --select SL0 "$@" 2>&1) | python3 -c '
import json, os, sys
try:
    d = json.load(sys.stdin)
except Exception as e:
    print("no-json", e); sys.exit()
print(" ".join(sorted(os.path.relpath(os.path.realpath(os.path.join(sys.argv[1], f if isinstance(f, str) else f.get("path", f.get("file", "")))), os.path.realpath(sys.argv[2])) for f in d["files"])))' "$dir" "$gr"
}
all="cache.yaml/c.yaml docs/a/final.yaml keep.generated.yaml local.yaml sub/top-only.yaml t.yaml"
check "gitignore: a scan of the root" "$all" "$(gi_files "$gr" .)"
# From another folder, and a scan of a subfolder, the rules above it still hold.
check "gitignore: the same from outside the repository" "$all" "$(gi_files "$TMP" repo)"
check "gitignore: a scan of a subfolder keeps the root's rules" "sub/top-only.yaml" "$(gi_files "$gr/sub" .)"
check "gitignore: a subfolder named from the root" "sub/top-only.yaml" "$(gi_files "$gr" sub)"
check "gitignore: a deeper folder" "" "$(gi_files "$gr/sub/deeper" .)"
# A file named on the command line is linted all the same.
check "gitignore: a named file is linted" "build/b.yaml x.generated.yaml" "$(gi_files "$gr" build/b.yaml x.generated.yaml)"
# Turned off: every template.
got=$( (cd "$gr" && "$SAMLINT" --no-config --no-gitignore -f json --select SL0 . 2>&1) | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["files"]))')
check "gitignore: --no-gitignore lists all 17" 17 "$got"
printf 'gitignore: false\n' > "$gr/.samlint.yaml"
got=$( (cd "$gr" && "$SAMLINT" -f json --select SL0 . 2>&1) | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["files"]))')
check "gitignore: false in the config" 17 "$got"
printf 'gitignore: maybe\n' > "$gr/.samlint.yaml"
(cd "$gr" && "$SAMLINT" . > /dev/null 2> err.txt); rc=$?
check_contains "gitignore: a bad value is an error" "gitignore must be true or false" "$(cat "$gr/err.txt" 2>/dev/null; cat err.txt 2>/dev/null)"
rm -f "$gr/.samlint.yaml" "$gr/err.txt"
# Outside a git work tree a .gitignore means nothing (as for git).
mkdir -p "$TMP/plain/build"
printf '%s' "$tpl" > "$TMP/plain/build/b.yaml"
printf 'build/\n' > "$TMP/plain/.gitignore"
check "gitignore: outside git, not applied" "../plain/build/b.yaml" "$(gi_files "$TMP/plain" .)"
# Hostile .gitignore files: a FIFO is not waited on, a huge one is not read,
# patterns full of ** stay fast, a pattern cannot escape its folder.
mkfifo "$gr/docs/.gitignore" 2>/dev/null
check "gitignore: a FIFO .gitignore is skipped" "docs/a/final.yaml" "$(gi_files "$gr" docs)"
rm -f "$gr/docs/.gitignore"
python3 -c 'print("**/" * 60 + "x.yaml"); print("*" * 3000); print("a/**/b/**/c/**/d/**/e/**/f/**/g/**/h")' > "$gr/sub/deeper/.gitignore"
mkdir -p "$gr/sub/deeper/$(python3 -c 'print("/".join(["d"] * 40))')"
printf '%s' "$tpl" > "$gr/sub/deeper/$(python3 -c 'print("/".join(["d"] * 40))')/x.yaml"
check "gitignore: ** patterns at depth" "" "$(gi_files "$gr/sub/deeper" .)"
printf '../t.yaml\n/../local.yaml\n' > "$gr/sub/.gitignore"
check "gitignore: no pattern reaches above its folder" "cache.yaml/c.yaml docs/a/final.yaml keep.generated.yaml local.yaml sub/local.yaml sub/top-only.yaml t.yaml" "$(gi_files "$gr" .)"
# A .gitignore over 1 MB is not read (its folder is scanned as if it had none).
python3 -c 'import sys; sys.stdout.write("#" * 1100000 + "\nt.yaml\n")' > "$gr/docs/.gitignore"
check "gitignore: a huge .gitignore is not read" "docs/a/final.yaml" "$(gi_files "$gr" docs)"
rm -f "$gr/docs/.gitignore"
