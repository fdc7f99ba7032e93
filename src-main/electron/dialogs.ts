import path from 'node:path';
import { type BrowserWindow, app, dialog } from 'electron';
import { DIALOG_SPECS, type FileDialogs, type FilePurpose } from '../app/dialogs';

/** The system's file dialogs, modal to the window. */
export function nativeDialogs(window: BrowserWindow): FileDialogs {
  const filtersOf = (purpose: FilePurpose) => {
    const filter = DIALOG_SPECS[purpose].filter;
    return filter === null ? [] : [{ name: filter.name, extensions: [...filter.extensions] }];
  };
  return {
    async openFile(purpose) {
      const isFolder = purpose === 'xlsxFolder';
      const result = await dialog.showOpenDialog(window, {
        title: DIALOG_SPECS[purpose].title,
        filters: filtersOf(purpose),
        properties: isFolder ? ['openDirectory', 'createDirectory'] : ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile(purpose, suggestedName) {
      const result = await dialog.showSaveDialog(window, {
        title: DIALOG_SPECS[purpose].title,
        defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)),
        filters: filtersOf(purpose),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
