# t_loader.sh: the C unit tests (tests/unit_*.c, built by make check): the
# loader (unit_doc) and the model, evaluator and graph (unit_graph).
for src in "$ROOT"/tests/unit_*.c; do
    name=$(basename "$src" .c)
    bin="$ROOT/build/$name"
    if [ ! -x "$bin" ]; then
        not_ok "$name built" "build/$name missing: run make check"
        continue
    fi
    "$bin" > "$name.txt" 2>&1
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok "$name: ${line#ok }" ;;
            "not ok "*) not_ok "$name: ${line#not ok }" "" ;;
            "skip "*) skip "$name: ${line#skip }" ;;
        esac
    done < "$name.txt"
    grep -q '^ok ' "$name.txt" || not_ok "$name ran" "$(head -5 "$name.txt")"
done
