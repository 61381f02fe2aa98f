# samlint --lsp: a scripted JSON-RPC client (tests/lsp_client.py) for diagnostics, encodings,
# hover, code actions, config reloads, handler files and hostile input; Neovim as a real client.

if ! command -v python3 >/dev/null 2>&1; then
    skip lsp_protocol "python3 missing"
else
    python3 "$ROOT/tests/lsp_client.py" "$SAMLINT" "$TMP" > "$TMP/lsp.out" 2>&1
    grep -E '^(ok|not ok) ' "$TMP/lsp.out" >> "$RESULTS"
    grep '^not ok ' "$TMP/lsp.out"
    # The client ran to its end: its last check reported.
    grep -q 'lsp_exit_without_shutdown_is_1' "$TMP/lsp.out" || not_ok lsp_client_finished "$(tail -n 5 "$TMP/lsp.out")"
fi

# The template both real clients open: SL006 on Unused, and a place to edit.
cat > "$TMP/client.yaml" <<'YAML'
Parameters:
  Unused:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 5
YAML

# Neovim (Debian's neovim, installed by make test-deps) drives the server headless.
if ! command -v nvim >/dev/null 2>&1; then
    skip lsp_neovim "nvim missing (make test-deps installs it)"
else
    cp "$TMP/client.yaml" "$TMP/nvim.yaml"
    : > "$TMP/nvim.out"
    (cd "$TMP" && SAMLINT="$SAMLINT" TEMPLATE="$TMP/nvim.yaml" LSP_OUT="$TMP/nvim.out" HOME="$TMP" XDG_STATE_HOME="$TMP" \
        timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/tests/lsp_nvim.lua" > "$TMP/nvim.log" 2>&1)
    rc=$?
    grep -E '^(ok|not ok) ' "$TMP/nvim.out" >> "$RESULTS"
    grep '^not ok ' "$TMP/nvim.out"
    if [ "$rc" -ne 0 ] || ! grep -q nvim_completion "$TMP/nvim.out"; then
        not_ok lsp_neovim_session "nvim exit $rc: $(tail -c 300 "$TMP/nvim.log")"
    fi
fi

# Emacs with eglot (Debian's emacs-nox and elpa-eglot, installed by make test-deps) in batch mode.
if ! command -v emacs >/dev/null 2>&1 || ! ls /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
    skip lsp_eglot "emacs or eglot missing (make test-deps installs emacs-nox and elpa-eglot)"
else
    mkdir -p "$TMP/eglot"
    cp "$TMP/client.yaml" "$TMP/eglot/template.yaml"
    : > "$TMP/eglot.out"
    (cd "$TMP/eglot" && SAMLINT="$SAMLINT" TEMPLATE="$TMP/eglot/template.yaml" LSP_OUT="$TMP/eglot.out" HOME="$TMP" \
        timeout 120 emacs --batch -Q -l "$ROOT/tests/lsp_eglot.el" > "$TMP/eglot.log" 2>&1)
    rc=$?
    grep -E '^(ok|not ok) ' "$TMP/eglot.out" >> "$RESULTS"
    grep '^not ok ' "$TMP/eglot.out"
    if [ "$rc" -ne 0 ] || ! grep -q eglot_diagnostics_follow_edits "$TMP/eglot.out"; then
        not_ok lsp_eglot_session "emacs exit $rc: $(tail -c 300 "$TMP/eglot.log")"
    fi
fi
