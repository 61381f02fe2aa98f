# t_corpus.sh: the whole shared corpus lints without a crash or hang; every
# file gives findings or SL001 and nothing else goes wrong.
if [ -z "$CORPUS" ]; then
    skip "shared corpus" "../shared/corpus is absent"
    return 0 2>/dev/null || exit 0
fi
timeout 300 "$SAMLINT" --format json --fail-on never "$CORPUS" > corpus.json 2> corpus.err
rc=$?
check "corpus run exits 0 (no crash, no hang)" 0 "$rc"
check "corpus run prints nothing on stderr" "" "$(head -c 300 corpus.err)"
if command -v python3 >/dev/null; then
    python3 - "$CORPUS" corpus.json <<'P' > corpus-summary.txt
import json, sys, collections, os
root, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
files = collections.Counter(); failed = collections.Counter(); rules = collections.Counter()
for f in d["files"]:
    files[os.path.relpath(f["path"], root).split(os.sep)[0]] += 1
for f in d["findings"]:
    rules[f["rule"]] += 1
    if f["rule"] == "SL001":
        failed[os.path.relpath(f["file"], root).split(os.sep)[0]] += 1
for src in sorted(files):
    print(f"corpus {src}: {files[src]} files, {failed[src]} failed to parse")
print("corpus findings per rule: " + ", ".join(f"{r}={n}" for r, n in sorted(rules.items())))
print(f"corpus total: {sum(files.values())} files linted")
P
    cat corpus-summary.txt
    total=$(sed -n 's/^corpus total: \([0-9]*\) files linted/\1/p' corpus-summary.txt)
    want=$(($(wc -l < "$CORPUS/INDEX.tsv") - 1))
    check "every corpus template is linted" "$want" "$total"
fi
# One file at a time, too: each exits 0 or 1, never a crash.
bad=0
while IFS= read -r f; do
    "$SAMLINT" --no-excerpt "$f" > /dev/null 2>&1
    rc=$?
    if [ "$rc" -gt 1 ]; then bad=$((bad + 1)); echo "exit $rc: $f"; fi
done < <(find "$CORPUS" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort | head -400)
check "corpus files one by one exit 0 or 1" 0 "$bad"
