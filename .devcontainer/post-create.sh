#!/usr/bin/env bash
# Runs once when the dev container (or Codespace) is created: restore, build, and a quick
# self-check that executes the environment notebook headlessly (loads MathNet, the course
# library and TorchSharp, and runs one tensor op).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet --info | head -n 8
dotnet restore MlCourse.slnx
dotnet build MlCourse.slnx --no-restore
dotnet run --project tools/MlCourse.Cli --no-build -- run setup
echo "Self-check passed. Open notebooks/month-1-foundations/week-01-ml-fundamentals/ to begin."
