#!/usr/bin/env bash
# The main job on the bundled example (the published 2025 disclosure of 阳城县医疗保障局):
# import its tables and goal sheets into a workbook, print 表一 and 表四 (which the workbook
# derives), run the 审核 and export the draft PDF. The published document has real 错误 (two
# projects without a goal sheet), so `check` exits 1 here by design; only a failure to run
# (exit 2 or 3) stops the job.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
node bin/disclosure.mjs import examples/002-tables.json --goals examples/002-goals.json -o out/example.ysgk --force
node bin/disclosure.mjs show out/example.ysgk --table 1
node bin/disclosure.mjs show out/example.ysgk --table 4
node bin/disclosure.mjs check out/example.ysgk || [ $? -eq 1 ]
node bin/disclosure.mjs export-pdf out/example.ysgk -o out/example.pdf
