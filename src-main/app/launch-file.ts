import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKBOOK_EXTENSION } from '../db/workbook-file';
import type { Session } from './session';

/** A launch argument as a local path; null for a URL that names none (file://host/…). */
function localPath(arg: string): string | null {
  if (!arg.startsWith('file://')) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The workbook a double-click on a .ysgk file asks the app to open: the system passes it as an
 * argument of the launch (Windows: a path; a Linux desktop entry's %U: often a file:// URL),
 * relative to the launching process's `workingDirectory`. Switches (--no-sandbox, Chromium's
 * own) and the app's path are not files to open.
 */
export function workbookInArguments(
  args: readonly string[],
  workingDirectory = process.cwd(),
): string | null {
  for (const arg of [...args].reverse()) {
    if (arg.startsWith('-')) continue;
    const file = localPath(arg);
    if (file !== null && path.extname(file).toLowerCase() === WORKBOOK_EXTENSION) {
      return path.resolve(workingDirectory, file);
    }
  }
  return null;
}

/**
 * The workbook a launch asked for. With none open (the app starting, the start page) it is
 * opened here, as the start page's 打开 would, and the page follows; with one open, the page is
 * asked to open it, since only the page knows its unsaved drafts. Answers the Chinese message
 * (it names the file) to show when the file cannot be opened, null otherwise.
 */
export async function openLaunchFile(session: Session, file: string): Promise<string | null> {
  if (session.openWorkbook() !== null) {
    session.events.emit('workbook/openRequested', { path: file });
    return null;
  }
  const result = await session.handleRequest('workbook/open', { path: file });
  if (!result.ok) return result.error.message;
  session.events.emit('workbook/changed', { label: `打开 ${path.basename(file)}` });
  return null;
}
