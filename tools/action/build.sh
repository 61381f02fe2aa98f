#!/usr/bin/env bash
# GitHub Action step: build samlint from the action's own checkout and put it on the PATH.
set -euo pipefail
src="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
make -C "$src" -s -j"$(nproc 2>/dev/null || echo 2)" samlint
"$src/samlint" --version
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$src" >> "$GITHUB_PATH"
fi
