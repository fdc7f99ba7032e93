/**
 * A separate process working on a workbook, for tests that need a real second process:
 *   hold <file>           open the workbook, print "ready", keep it open until killed
 *   open <file>           try to open it, print {"ok":true} or {"code":…,"message":…}
 *   edits <file> <count>  make <count> edits, each its own transaction, printing "done n" after each commit:
 *                         odd edits add project 项目k, even edits set its 一般公共预算 to k 元
 */
import { AppError } from '../../shared/errors';
import { Workbook } from '../../src-main/services/workbook/workbook';

const [command, file, countText] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: workbook-child <command> <file>');

switch (command) {
  case 'hold': {
    // Kept referenced: a collected connection would close and release the lock.
    const held = Workbook.open(file);
    process.stdout.write('ready\n');
    setInterval(() => held.path, 60_000);
    break;
  }
  case 'open': {
    try {
      Workbook.open(file).close();
      process.stdout.write(JSON.stringify({ ok: true }) + '\n');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stdout.write(JSON.stringify({ code: error.code, message: error.message }) + '\n');
    }
    break;
  }
  case 'edits': {
    const workbook = Workbook.open(file);
    const unitId = workbook.content().units[0]?.id;
    if (unitId === undefined) throw new Error('no unit');
    let projectId = 0;
    for (let edit = 1; edit <= Number(countText); edit++) {
      const projectNumber = Math.ceil(edit / 2);
      if (edit % 2 === 1)
        projectId = workbook.addProject({ unitId, kind: 'current', name: `项目${projectNumber}` });
      else
        workbook.setCell({
          table: 't12',
          row: `project:${projectId}`,
          column: 'gpb',
          text: String(projectNumber),
          unit: 'yuan',
        });
      process.stdout.write(`done ${edit}\n`);
    }
    workbook.close();
    break;
  }
  default:
    throw new Error(`unknown command ${command}`);
}
