import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Workbook } from '../src-main/services/workbook/workbook';
import { outputOf, startChild, waitForLine } from './support/child-process';
import { tempDir } from './support/temp-dir';

const EDITS = 1_000;
const RUNS = 10;

/** The number of leading edits the file holds, or a description of what breaks the prefix. */
function appliedPrefix(file: string): number | string {
  const workbook = Workbook.open(file);
  try {
    const content = workbook.content();
    const projects = [...content.projects].sort((a, b) => a.position - b.position);
    const amounts = new Map(
      content.cells.filter((cell) => cell.table === 't12').map((cell) => [cell.row, cell.fen]),
    );
    let applied = 0;
    for (const [index, project] of projects.entries()) {
      const number = index + 1;
      if (project.name !== `项目${number}`) return `project ${number} is named ${project.name}`;
      applied += 1;
      const fen = amounts.get(`project:${project.id}`);
      if (fen === undefined) {
        if (number !== projects.length) return `project ${number} lost its amount but later ones exist`;
        break;
      }
      if (fen !== number * 100) return `project ${number} holds ${fen} 分`;
      applied += 1;
    }
    return applied;
  } finally {
    workbook.close();
  }
}

describe('a workbook process killed with SIGKILL in the middle of its edits', () => {
  it(`leaves, in ${RUNS} runs of ${EDITS} edits, an intact file holding exactly a prefix of the edits`, async () => {
    const outcomes: { killedAfter: number; applied: number | string; integrity: unknown }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const file = path.join(tempDir(), `fault-${run}.ysgk`);
      Workbook.create(file, {
        name: '故障测试单位',
        code: null,
        year: 2025,
        scope: '单位',
        unitType: '事业',
        supervisingDepartment: null,
      }).close();
      const child = startChild('edits', file, String(EDITS));
      const finished = outputOf(child);
      // Kill at a random moment: after a random acknowledged edit, plus a random few milliseconds.
      const killedAfter = 1 + Math.floor(Math.random() * (EDITS - 50));
      await waitForLine(child, `done ${killedAfter}`);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
      child.kill('SIGKILL');
      const printed = await finished;
      const acknowledged = Math.max(
        ...printed
          .split('\n')
          .filter((line) => line.startsWith('done '))
          .map((line) => Number(line.slice(5))),
      );

      const raw = new Database(file);
      const integrity = raw.pragma('integrity_check', { simple: true });
      raw.close();
      const applied = appliedPrefix(file);
      outcomes.push({ killedAfter, applied, integrity });
      expect(integrity).toBe('ok');
      expect(typeof applied, String(applied)).toBe('number');
      // Every edit the child saw committed is there, and at most the one in flight beyond it.
      expect(applied).toBeGreaterThanOrEqual(acknowledged);
      expect(applied).toBeLessThanOrEqual(acknowledged + 1);
      expect(applied).toBeLessThan(EDITS);
    }
    console.info(
      'fault runs (killed after edit → edits found):',
      outcomes.map((o) => `${o.killedAfter}→${String(o.applied)}`).join(', '),
    );
  }, 300_000);
});
