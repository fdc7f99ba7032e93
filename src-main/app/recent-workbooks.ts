import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkbook } from '../../shared/contract/views';

const MAX_RECENT = 10;

const recentFile = z.array(
  z.object({ path: z.string(), name: z.string(), year: z.number(), openedAt: z.string() }),
);

/**
 * The workbooks opened lately, newest first, in a small JSON file of the app's data folder.
 * A missing or damaged file is an empty list: losing it costs nothing but convenience.
 */
export class RecentWorkbooks {
  private readonly file: string;

  constructor(dataFolder: string) {
    this.file = path.join(dataFolder, 'recent-workbooks.json');
  }

  /** The entries whose file still exists. */
  list(): RecentWorkbook[] {
    return this.read().filter((entry) => fs.existsSync(entry.path));
  }

  add(entry: Omit<RecentWorkbook, 'openedAt'>): void {
    const others = this.read().filter((existing) => existing.path !== entry.path);
    this.write([{ ...entry, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  private read(): RecentWorkbook[] {
    try {
      const parsed = recentFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** Written aside and renamed, so a crash never leaves half a file. */
  private write(entries: readonly RecentWorkbook[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    fs.writeFileSync(partial, JSON.stringify(entries, null, 2));
    fs.renameSync(partial, this.file);
  }
}
