# The docs as tests (as jq runs its manual): every command example of man/samlint.1's EXAMPLES
# and of README.md's sh/console blocks runs in a scratch copy of examples/ and must not fail
# (exit 2 or worse); where the docs show the output (`$ command` then its lines), it must match.
# The README's configuration example must load, and its quick start runs as written (apt-get
# stubbed: no network in the tests).

de="$TMP/docex"
mkdir -p "$de/bin"
ln -sf "$SAMLINT" "$de/bin/samlint"

# extract_examples: one example per line of $de/examples.tsv: SOURCE<TAB>N<TAB>FILE, where FILE
# holds the example's text (commands, or `$ command` lines followed by their output).
python3 - "$ROOT/man/samlint.1" "$ROOT/README.md" "$de" > "$de/examples.tsv" <<'PY'
import os, re, sys
man, readme, out = sys.argv[1:4]
examples = []
# man: the .nf/.fi blocks of the EXAMPLES section, roff escapes undone.
text = open(man).read()
sec = text[text.index("\n.SH EXAMPLES\n"):]
sec = sec[:sec.index("\n.SH ", 1)]
for block in re.findall(r"^\.nf\n(.*?)^\.fi$", sec, re.S | re.M):
    block = block.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\").replace("\\(dq", '"')
    examples.append(("man/samlint.1", block))
# README: sh and console blocks, but the quick start (tested below) and those of other sections' setup.
text = open(readme).read()
quick = text.index("## Quick start")
for m in re.finditer(r"^```(sh|console)\n(.*?)^```$", text, re.S | re.M):
    if quick <= m.start() < text.index("\n## ", quick + 1):
        continue
    examples.append(("README.md", m.group(2)))
for i, (src, body) in enumerate(examples, 1):
    path = os.path.join(out, f"example{i}.txt")
    open(path, "w").write(body)
    print(f"{src}\t{i}\t{path}")
PY

# run_example FILE DIR: run the example in DIR; "ok" or why not.
run_example() {
    python3 - "$1" "$2" "$de/bin" <<'PY'
import os, re, subprocess, sys
body, cwd, bindir = sys.argv[1:4]
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
lines = open(body).read().splitlines()
console = any(l.startswith("$ ") for l in lines)
steps = []  # (command, expected output lines or None)
for l in lines:
    if console:
        if l.startswith("$ "):
            steps.append([l[2:], []])
        elif steps:
            steps[-1][1].append(l)
    elif l.strip() and not l.lstrip().startswith("#"):
        steps.append([re.sub(r"\s+#\s.*$", "", l), None])
if not steps:
    sys.exit("no command in the example")
for cmd, want in steps:
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode >= 2:
        print(f"`{cmd}` exits {p.returncode}: {p.stderr.strip()[:300]}")
        sys.exit(0)
    if want is not None:
        got = [l.rstrip() for l in p.stdout.splitlines()]
        if got != [l.rstrip() for l in want]:
            print(f"`{cmd}` prints something else than the docs show:\n" + "\n".join(got[:10]))
            sys.exit(0)
print("ok")
PY
}

n_man=0 n_readme=0
while IFS="$(printf '\t')" read -r src i file; do
    rm -rf "$de/ws$i" && mkdir -p "$de/ws$i"
    cp -R "$ROOT/examples/." "$de/ws$i/"
    res=$(run_example "$file" "$de/ws$i" 2>&1)
    case "$src" in man/*) where=man ;; *) where=readme ;; esac
    first=$(grep -v '^[[:space:]]*$' "$file" | head -n 1 | sed -e 's/^\$ //' -e 's/[[:space:]]*#.*//' | cut -c1-60)
    name="doc_example_${where}_$i ($first)"
    if [ "$res" = ok ]; then ok "$name"; else not_ok "$name" "$res"; fi
    case "$src" in man/*) n_man=$((n_man + 1)) ;; *) n_readme=$((n_readme + 1)) ;; esac
done < "$de/examples.tsv"
# The extraction itself must find the examples (a broken extractor must not pass as "no example").
if [ "$n_man" -ge 6 ] && [ "$n_readme" -ge 4 ]; then ok "doc_examples_found ($n_man man, $n_readme README)"; else not_ok doc_examples_found "man $n_man, README $n_readme"; fi
grep -q '^\$ ' "$de"/example*.txt && ok doc_examples_show_output || not_ok doc_examples_show_output "no example shows its output"

# The README's configuration file example loads (no unknown key, level or rule).
python3 - "$ROOT/README.md" > "$de/config.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
sec = text[text.index("## Configuration file"):]
print(re.search(r"```yaml\n(.*?)```", sec, re.S).group(1), end="")
PY
rm -rf "$de/wsc" && mkdir -p "$de/wsc" && cp -R "$ROOT/examples/." "$de/wsc/" && cp "$de/config.yaml" "$de/wsc/.samlint.yaml"
(cd "$de/wsc" && "$SAMLINT" > "$de/config.out" 2> "$de/config.err"; echo $? > "$de/config.rc")
if [ "$(cat "$de/config.rc")" -lt 2 ] && grep -q '^select:' "$de/config.yaml"; then ok doc_readme_config_loads; else not_ok doc_readme_config_loads "$(cat "$de/config.err")"; fi

# Quick start, as written: every `make TARGET` of its block, in this checkout. apt-get is a stub
# that fails: the deps targets pass only when every package is there already (the test then says
# skipped, naming the packages, rather than fetching them). `make check` is this suite itself:
# its recipe is checked, not run again inside itself (CI runs it as written: .ci/run).
mkdir -p "$de/nonet"
printf '#!/bin/sh\necho "apt-get $*" >> "%s/apt-calls"\nexit 100\n' "$de" > "$de/nonet/apt-get"
chmod +x "$de/nonet/apt-get"
qs=$(python3 - "$ROOT/README.md" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
sec = text[text.index("## Quick start"):]
sec = sec[:sec.index("\n## ", 1)]
for line in re.search(r"```sh\n(.*?)```", sec, re.S).group(1).splitlines():
    print(re.sub(r"\s+#.*$", "", line).strip())
PY
)
check doc_quickstart_commands "make deps && make demo|make test-deps && make check" "$(printf '%s\n' "$qs" | paste -sd'|')"
for target in $(printf '%s\n' "$qs" | grep -o 'make [a-z-]*' | cut -d' ' -f2); do
    case "$target" in
    deps|test-deps)
        : > "$de/apt-calls"
        (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS PATH="$de/nonet:$PATH" make -s "$target" > "$de/qs-$target.out" 2>&1)
        rc=$?
        if [ "$rc" -eq 0 ] && [ ! -s "$de/apt-calls" ]; then
            ok "doc_quickstart_make_$target"
        elif [ -s "$de/apt-calls" ]; then
            skip "doc_quickstart_make_$target" "it would install packages with apt-get (no network in tests): $(head -n 1 "$de/apt-calls")"
        else
            not_ok "doc_quickstart_make_$target" "exit $rc: $(tail -n 3 "$de/qs-$target.out")"
        fi ;;
    demo)
        (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS make -s demo > "$de/qs-demo.out" 2>&1)
        rc=$?
        if [ "$rc" -eq 0 ] && tail -n 1 "$de/qs-demo.out" | grep -Eq '^[0-9]+ findings \([0-9]+ errors?, .*\) in [0-9]+ files' &&
           grep -q '^examples/template.yaml:[0-9]*:[0-9]*: error: ' "$de/qs-demo.out"; then
            ok doc_quickstart_make_demo
        else
            not_ok doc_quickstart_make_demo "exit $rc: $(tail -n 3 "$de/qs-demo.out")"
        fi ;;
    check)
        recipe=$(cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS make --no-print-directory -n check 2>&1 | tail -n 1)
        if [ "$recipe" = "bash tests/run" ] && grep -qx 'make test-deps' "$ROOT/.ci/run" && grep -qx 'make check' "$ROOT/.ci/run"; then
            ok doc_quickstart_make_check_recipe
        else
            not_ok doc_quickstart_make_check_recipe "make -n check: $recipe"
        fi ;;
    *) not_ok "doc_quickstart_make_$target" "the test does not know target $target" ;;
    esac
done
