#!/usr/bin/env bash
# GitHub Action step: install the packages samlint builds with, when missing (Debian/Ubuntu runners).
set -euo pipefail
packages=(libyaml-dev libcjson-dev libpcre2-dev)
missing=()
command -v make > /dev/null || missing+=(make)
command -v "${CC:-cc}" > /dev/null || missing+=(gcc)
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "samlint: build dependencies present"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "samlint: installing ${missing[*]}"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
