/**
 * Set-up shared by the content screens' e2e tests: a workbook made through the session (the
 * start page has its own tests), closed, and opened in the app with the start page's 打开…,
 * as a user would open a file.
 */
import path from 'node:path';
import type { Workbook } from '../../src-main/services/workbook/workbook';
import type { E2eApp } from './support/app';

async function request(app: E2eApp, name: string, input: unknown): Promise<void> {
  const result = await app.session.handleRequest(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
}

/** A new 单位 workbook, empty or with the 002 templates imported, open in the app. */
export async function openWorkbook(
  app: E2eApp,
  content: 'empty' | '002',
  name = '测试单位',
): Promise<string> {
  const file = path.join(app.folder, `${name}.ysgk`);
  await request(app, 'workbook/create', {
    path: file,
    profile: {
      name,
      code: null,
      year: 2025,
      scope: '单位',
      unitType: null,
      supervisingDepartment: null,
    },
    subordinateUnits: [],
  });
  if (content === '002') {
    await request(app, 'import/preview', {
      jobId: 'setup-import',
      tablesFile: app.template('002-tables.xlsx'),
      goalsFile: app.template('002-goals.xlsx'),
    });
    await request(app, 'import/apply', { importId: 'setup-import' });
  }
  await request(app, 'workbook/close', {});
  await app.answerDialogs(file);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await app.page.getByRole('navigation', { name: '文档目录' }).waitFor();
  return file;
}

/** The workbook the app has open, read in the test's own process (the bridge runs in it). */
export function workbookOf(app: E2eApp): Workbook {
  const workbook = app.session.openWorkbook();
  if (workbook === null) throw new Error('no workbook open');
  return workbook;
}
