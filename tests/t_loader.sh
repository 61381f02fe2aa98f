# t_loader.sh: the loader's unit tests (tests/unit_doc.c, built by make check).
if [ -x "$ROOT/build/unit_doc" ]; then
    "$ROOT/build/unit_doc" > unit.txt 2>&1
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok "loader: ${line#ok }" ;;
            "not ok "*) not_ok "loader: ${line#not ok }" "" ;;
        esac
    done < unit.txt
    grep -q '^ok ' unit.txt || not_ok "loader unit tests ran" "$(head -5 unit.txt)"
else
    not_ok "loader unit tests built" "build/unit_doc missing: run make check"
fi
