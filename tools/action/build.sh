#!/usr/bin/env bash
# GitHub Action step: samlint from the cache when it was restored and runs,
# else built from the action's own checkout; put in SAMLINT_BIN_DIR (the
# cached folder) and on the PATH.
set -euo pipefail
src="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
bin="${SAMLINT_BIN_DIR:?SAMLINT_BIN_DIR is not set}"
mkdir -p "$bin"
if [ "${CACHE_HIT:-}" = true ] && "$bin/samlint" --version > /dev/null 2>&1; then
    echo "samlint: restored from the build cache"
else
    make -C "$src" -s -j"$(nproc 2>/dev/null || echo 2)" samlint
    install -m 755 "$src/samlint" "$bin/samlint"
fi
"$bin/samlint" --version
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$bin" >> "$GITHUB_PATH"
fi
