#!/usr/bin/env bash
# The main job on the bundled example (the published 2025 tables of 阳城县医疗保障局):
# import the tables into a workbook, print 表一 and 表四 (which the workbook derives), then 审核.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
node bin/disclosure.mjs import examples/002-tables.json -o out/example.ysgk --force
node bin/disclosure.mjs show out/example.ysgk --table 1
node bin/disclosure.mjs show out/example.ysgk --table 4
node bin/disclosure.mjs check out/example.ysgk
