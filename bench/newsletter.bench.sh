#!/usr/bin/env bash
# One newsletter issue sent to BENCH_SUBSCRIBERS (default 100,000) generated subscribers by a real
# Dateline process (SQLite, the fan-out job, the mail queue and its sender) through a local SMTP
# server on loopback, beside the same server receiving as many pre-rendered messages from a bare
# nodemailer sender (the ceiling). Prints messages/s and each sender's peak RSS. See bench/README.md.
#   BENCH_SUBSCRIBERS=5000 bench/newsletter.bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec node --import tsx bench/newsletter-bench.ts
