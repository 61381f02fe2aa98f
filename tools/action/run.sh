#!/usr/bin/env bash
# GitHub Action step: run samlint, write SARIF, print annotations, set the outputs.
set -uo pipefail
samlint="${INPUT_SAMLINT:-${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}/samlint}"
sarif="${INPUT_SARIF_FILE:-samlint.sarif}"
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"
opts=()
[ -n "${INPUT_CONFIG:-}" ] && opts+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_FAIL_ON:-}" ] && opts+=(--fail-on "$INPUT_FAIL_ON")
opts+=("${extra[@]}")

"$samlint" "${opts[@]}" --format sarif "${paths[@]}" > "$sarif"
status=$?
if [ "$status" -ne 2 ] && [ "${INPUT_ANNOTATIONS:-true}" = "true" ]; then
    "$samlint" "${opts[@]}" --format github "${paths[@]}"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
        echo "### samlint"
        echo '```'
        "$samlint" "${opts[@]}" --color never --no-excerpt "${paths[@]}" | tail -n 1
        echo '```'
    } >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
    echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
echo "samlint: SARIF written to $sarif (exit status $status)"
exit "$status"
