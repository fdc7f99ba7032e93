import { describe, expect, it } from 'vitest';
import { parseClipboardBlock } from '../src-renderer/screens/tables/clipboard-block';

describe('a block copied from Excel or WPS', () => {
  it('splits cells on tabs and lines on CR LF, ignoring the final line break', () => {
    expect(parseClipboardBlock('12.5\t3\r\n4\t5.06\r\n')).toEqual([
      ['12.5', '3'],
      ['4', '5.06'],
    ]);
  });

  it('keeps blank cells, which clear their targets', () => {
    expect(parseClipboardBlock('1\t\t3\n\t2\t\n')).toEqual([
      ['1', '', '3'],
      ['', '2', ''],
    ]);
  });

  it('reads one cell without a line break', () => {
    expect(parseClipboardBlock('1,392.64')).toEqual([['1,392.64']]);
  });

  it('unquotes cells holding line breaks, tabs and doubled quotes', () => {
    expect(parseClipboardBlock('"行政\r\n运行"\t"他说""好"""\t1\r\n')).toEqual([
      ['行政\r\n运行', '他说"好"', '1'],
    ]);
  });

  it('leaves a quote that does not open a quoted cell as it is', () => {
    expect(parseClipboardBlock('5"\t"a"b\n')).toEqual([['5"', '"a"b']]);
  });

  it('reads a block of blank lines as blank cells, and nothing as no block', () => {
    expect(parseClipboardBlock('\r\n\r\n')).toEqual([[''], ['']]);
    expect(parseClipboardBlock('')).toEqual([]);
  });
});
