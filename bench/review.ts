/**
 * 内部审核 on the generated large 部门 (60 units, 3,300 projects, 64 goal sheets): the size of
 * a frozen version, the time to build and hash the canonical content, to submit, to stamp, to
 * list stamps with their status (chain and version hashes verified), and to compute the
 * difference of two versions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../shared/review/content';
import { sha256 } from '../src-main/services/review/stamp-chain';
import { Workbook } from '../src-main/services/workbook/workbook';
import { generatedDepartmentWithGoalSheets } from './support-workbooks';
import { median, time } from './support-timing';

const UNITS = 60;
const PROJECTS = 3_300;
const GOAL_SHEETS = 64;
const RUNS = 9;
const STAMPS = 20;

/** The generated 部门 as a workbook file, with seed 002's goal sheets on its first projects. */
function largeWorkbook(folder: string): string {
  const workbook = generatedDepartmentWithGoalSheets(folder, {
    units: UNITS,
    projects: PROJECTS,
    goalSheets: GOAL_SHEETS,
  });
  workbook.close();
  return workbook.path;
}

export function run(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-review-'));
  const file = largeWorkbook(folder);
  const workbook = Workbook.open(file);
  try {
    const review = workbook.review;
    // Cold: the file's content read, the goal sheets and inputs read, serialised and hashed.
    const [, coldHashMs] = time(() => review.currentSha256());
    const content = review.versionContent('current');
    const hashTimes: number[] = [];
    const serialiseTimes: number[] = [];
    let json = '';
    for (let run = 0; run < RUNS; run++) {
      const [serialised, serialiseMs] = time(() => canonicalJson(content));
      json = serialised;
      serialiseTimes.push(serialiseMs);
      hashTimes.push(time(() => sha256(serialised))[1]);
    }
    const fileBefore = fs.statSync(workbook.path).size;
    const [version, submitMs] = time(() => review.submit({ by: '编制人' }));
    const fileAfter = fs.statSync(workbook.path).size;
    console.log(
      `generated 部门: ${UNITS} units, ${PROJECTS} projects, ${content.cells.length} stored cells, ${content.goalSheets.length} goal sheets`,
    );
    console.log(
      `  canonical content: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB; serialise ${median(serialiseTimes).toFixed(1)} ms, ` +
        `SHA-256 ${median(hashTimes).toFixed(1)} ms (medians of ${RUNS})`,
    );
    console.log(
      `  current content hash on a freshly opened file (read, serialise, hash): ${coldHashMs.toFixed(0)} ms`,
    );
    console.log(
      `  submit (store version ${version.id}, content hash already known): ${submitMs.toFixed(0)} ms; ` +
        `file ${(fileBefore / 1e6).toFixed(2)} → ${(fileAfter / 1e6).toFixed(2)} MB`,
    );
    const stampTimes: number[] = [];
    for (let index = 0; index < STAMPS; index++) {
      stampTimes.push(
        time(() =>
          review.stamp({ reviewer: `审核人${index + 1}`, role: '科长', opinion: '通过', opinionText: '' }),
        )[1],
      );
    }
    console.log(
      `  stamp (chain checked, stamp stored): median ${median(stampTimes).toFixed(1)} ms over ${STAMPS} stamps`,
    );
    const statusTimes = Array.from({ length: RUNS }, () => time(() => review.status())[1]);
    console.log(
      `  status with ${STAMPS} stamps (content hash cached, versions verified once): median ${median(statusTimes).toFixed(1)} ms`,
    );
    review.reopen({ by: '编制人', reason: '修改' });
    workbook.setCell({ table: 't12', row: 'project:7', column: 'gpb', text: '12.34', unit: 'wanYuan' });
    const [, rehashMs] = time(() => review.currentSha256());
    console.log(`  after an edit, rebuilding and hashing the current content: ${rehashMs.toFixed(0)} ms`);
    review.submit({ by: '编制人' });
    const [difference, diffMs] = time(() => review.diff(1, 2));
    console.log(
      `  difference of the two versions (${difference.cells.length} cell): ${diffMs.toFixed(0)} ms`,
    );
  } finally {
    workbook.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
