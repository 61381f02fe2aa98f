#!/usr/bin/env bash
# GitHub Action step: run samlint once: annotations (or the text report) on
# standard output and the SARIF log to a file; then the outputs and the step
# summary. Exit status 2 (or samlint not running at all) fails the step with
# samlint's message, and leaves no SARIF log and no sarif-file output.
set -uo pipefail
samlint="${INPUT_SAMLINT:-${SAMLINT_BIN_DIR:?SAMLINT_BIN_DIR is not set}/samlint}"
sarif="${INPUT_SARIF_FILE:-samlint.sarif}"
case "$sarif" in /*) ;; *) sarif="$PWD/$sarif" ;; esac
read -r -a paths <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
read -r -a extra <<< "${INPUT_ARGS:-}"
opts=(--format text)
[ "${INPUT_ANNOTATIONS:-true}" = "true" ] && opts=(--format github)
[ -n "${INPUT_CONFIG:-}" ] && opts+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_FAIL_ON:-}" ] && opts+=(--fail-on "$INPUT_FAIL_ON")
opts+=("${extra[@]}")

rm -f -- "$sarif"   # never leave an older run's log for the upload step
mkdir -p -- "$(dirname -- "$sarif")"
report=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/samlint-report.XXXXXX")
errors=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/samlint-errors.XXXXXX")
"$samlint" "${opts[@]}" --sarif-file "$sarif" -- "${paths[@]}" 2> "$errors" | tee "$report"
status=${PIPESTATUS[0]}
cat "$errors" >&2

# A workflow-command message: %, CR and LF escaped (samlint's own messages
# have no other control character).
gh_message() {
    local s="$1"
    s=${s//%/%25}; s=${s//$'\r'/%0D}; s=${s//$'\n'/%0A}
    printf '%s' "$s"
}

if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    rm -f -- "$sarif"
    first=$(head -n 1 "$errors")
    echo "::error title=samlint failed (exit status $status)::$(gh_message "${first:-samlint exited with status $status}")"
    [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$status" >> "$GITHUB_OUTPUT"
    rm -f -- "$report" "$errors"
    exit "$status"
fi

summary=$(grep -E '^(samlint: )?(No findings|[0-9]+ findings?) ' "$report" | tail -n 1)
summary=${summary#samlint: }
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
        echo "### samlint"
        echo
        echo "${summary:-exit status $status}"
    } >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
    echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
echo "samlint: SARIF written to $sarif (exit status $status)"
rm -f -- "$report" "$errors"
exit "$status"
