#!/usr/bin/env bash
# Installs what Jobsmith needs on a fresh Debian machine that has the .NET SDK, then restores packages.
# Idempotent: a second run only checks. `--test` also installs what the test suite needs; `--bench` what the
# benchmarks need beyond it (wrk, the HTTP load generator of the web throughput run, P5). Flags combine.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(poppler-utils chromium)                         # resume PDFs; browser channel, PDF rendering
for flag in "$@"; do
  case "$flag" in
    # the second database provider; the SMTP and IMAP servers of the email tests; the proxy of the scale-out tests
    --test) packages+=(postgresql python3-aiosmtpd dovecot-imapd nginx) ;;
    --bench) packages+=(wrk) ;;
    *) echo "setup: unknown option $flag (use --test, --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET SDK (10.0) is required: https://dot.net" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js and npm are required for the web assets" >&2; exit 1; }

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet restore Jobsmith.slnx --verbosity quiet
