/**
 * The block of cells Excel and WPS put on the clipboard as text: cells separated by tabs,
 * lines by CR LF (or LF), a final line break after the last line, and a cell quoted when it
 * holds a tab, a line break or a quote (quotes inside doubled).
 */
export function parseClipboardBlock(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let index = 0;
  const isCellStart = () => cell === '' && (index === 0 || '\t\n\r'.includes(text[index - 1] ?? ''));
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"' && isCellStart()) {
      const closing = findClosingQuote(text, index + 1);
      if (closing !== -1) {
        cell = text.slice(index + 1, closing).replaceAll('""', '"');
        index = closing + 1;
        continue;
      }
    }
    if (char === '\t') {
      line.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      line.push(cell);
      lines.push(line);
      line = [];
      cell = '';
    } else {
      cell += char;
    }
    index++;
  }
  if (cell !== '' || line.length > 0) {
    line.push(cell);
    lines.push(line);
  }
  return lines;
}

/** The quote closing a quoted cell: followed by a tab, a line break or the end. */
function findClosingQuote(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] !== '"') continue;
    if (text[index + 1] === '"') {
      index++;
      continue;
    }
    const next = text[index + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? index : -1;
  }
  return -1;
}
