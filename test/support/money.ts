import { type Fen, parseAmount } from '../../shared/money';

/** An amount written in 万元 in a test, as 分. */
export function wan(text: string): Fen {
  const parsed = parseAmount(text, 'wanYuan');
  if (!parsed.ok || parsed.fen === null) throw new Error(`bad amount ${text}`);
  return parsed.fen;
}
