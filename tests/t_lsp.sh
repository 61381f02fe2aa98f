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
