#!/usr/bin/env bash
# Sets up (idempotently) and runs Jobsmith on http://127.0.0.1:5080 with embedded defaults:
# SQLite and files under ./data, background jobs in-process, AI provider "none", email to ./data/outbox.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
root=$(pwd)
exec dotnet run --project src/Jobsmith.Web -c Release -- --contentRoot "$root/src/Jobsmith.Web" --Jobsmith:DataDirectory "$root/data" "$@"
