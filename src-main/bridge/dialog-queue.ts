import type { FileDialogs, FilePurpose } from '../app/dialogs';

/**
 * The bridge has no native file dialogs: a plain browser cannot show the main process's file
 * system. Instead each dialog request takes the next answer from this queue, which the test
 * harness (or a developer) fills beforehand through the bridge's test endpoint
 * POST /api/test/dialog. An empty queue answers null, as if the user had cancelled.
 */
export class DialogQueue implements FileDialogs {
  private readonly answers: (string | null)[] = [];
  /** What each dialog asked for, in order: lets a test check the renderer asked the right thing. */
  readonly asked: { readonly purpose: FilePurpose; readonly kind: 'open' | 'save' }[] = [];

  push(...answers: (string | null)[]): void {
    this.answers.push(...answers);
  }

  openFile(purpose: FilePurpose): Promise<string | null> {
    this.asked.push({ purpose, kind: 'open' });
    return Promise.resolve(this.answers.shift() ?? null);
  }

  saveFile(purpose: FilePurpose): Promise<string | null> {
    this.asked.push({ purpose, kind: 'save' });
    return Promise.resolve(this.answers.shift() ?? null);
  }
}
