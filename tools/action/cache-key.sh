#!/usr/bin/env bash
# GitHub Action step: the build cache's key and folder. The key hashes what
# the build reads (the action's Makefile, src, rules and tools), the library
# packages and the compiler, so a new release or a new runner image builds
# afresh. (hashFiles() sees only the workspace, not the action's checkout.)
set -euo pipefail
src="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
hash=$(
    {
        (cd "$src" && find Makefile src rules tools -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        dpkg-query -W -f='${Package} ${Version}\n' libyaml-dev libcjson-dev libpcre2-dev 2>/dev/null || true
        "${CC:-cc}" --version 2>/dev/null | head -n 1 || true
        uname -m
    } | sha256sum | cut -c1-40
)
key="samlint-${RUNNER_OS:-$(uname -s)}-${ImageOS:-local}-$hash"
dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/samlint-bin"
echo "samlint: build cache key $key"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "key=$key" >> "$GITHUB_OUTPUT"
    echo "dir=$dir" >> "$GITHUB_OUTPUT"
fi
