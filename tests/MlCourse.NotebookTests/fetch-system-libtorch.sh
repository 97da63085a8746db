#!/usr/bin/env bash
# Fetches Debian's libtorch 1.13 (what python3-torch puts into /lib/x86_64-linux-gnu) and unpacks it into a private
# folder, installing nothing, so that the notebook tests can check that TorchSharp still loads its own libtorch 2.10
# when a system libtorch is found first by name (KernelEngineTests). Needs network, apt-get and dpkg (Debian/Ubuntu);
# run as root or with sudo for apt-get's download lock. Usage: fetch-system-libtorch.sh [prefix]
set -euo pipefail
prefix="${1:-$HOME/.cache/mlcourse/system-libtorch-1.13}"
debs="$prefix/debs"
mkdir -p "$debs/partial" "$prefix/root"
# libtorch-dev pulls libtorch1.13 and the libraries it links; the two are also fetched by name in case the machine
# already has them installed (then --download-only would skip them).
apt-get install --download-only -y -q -o "Dir::Cache::archives=$debs" libtorch-dev
(cd "$debs" && apt-get download -q libtorch1.13 libtorch-dev)
for deb in "$debs"/*.deb; do dpkg -x "$deb" "$prefix/root"; done
test -f "$prefix/root/usr/lib/x86_64-linux-gnu/libtorch.so"
echo "unpacked into $prefix/root; the test reads it from there (or from MLCOURSE_SYSTEM_LIBTORCH=$prefix/root)"
