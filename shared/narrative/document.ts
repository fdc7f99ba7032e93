/**
 * The 情况说明 as the user sees it: each generated sentence, or the user's rewrite of it. A
 * rewrite is kept; it is stale when the figures have changed since it was written, and it
 * disagrees with the tables when it states an amount or a share that the generated sentence
 * does not (the seeds' “sentences whose numbers disagree with the tables”).
 */
import type { Finding } from '../checks/engine';
import type { GeneratedSection, GeneratedSentence } from './generate';

export interface NarrativeSentence {
  readonly id: string;
  readonly heading?: string;
  /** What is printed: the rewrite if there is one, else the generated text. */
  readonly text: string;
  readonly generatedText: string;
  readonly isEdited: boolean;
  /** The generated text has changed since the user rewrote the sentence. */
  readonly isStale: boolean;
  /** The generated figures, which a chart after the sentence draws. */
  readonly figures: GeneratedSentence['figures'];
}

export interface NarrativeSection {
  readonly no: string;
  readonly title: string;
  readonly sentences: readonly NarrativeSentence[];
}

export type NarrativeEdits = ReadonlyMap<string, { readonly text: string; readonly generatedText: string }>;

export function applyEdits(sections: readonly GeneratedSection[], edits: NarrativeEdits): NarrativeSection[] {
  return sections.map((section) => ({
    no: section.no,
    title: section.title,
    sentences: section.sentences.map((sentence) => {
      const edit = edits.get(sentence.id);
      return {
        id: sentence.id,
        ...(sentence.heading === undefined ? {} : { heading: sentence.heading }),
        text: edit?.text ?? sentence.text,
        generatedText: sentence.text,
        isEdited: edit !== undefined,
        isStale: edit !== undefined && edit.generatedText !== sentence.text,
        figures: sentence.figures,
      };
    }),
  }));
}

/** Amounts (…万元) and shares (…%) stated in a sentence, normalised (no separators). */
export function statedFigures(text: string): string[] {
  return [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万元|%)/gu)].map(
    (match) => `${(match[1] ?? '').replace(/,/g, '')}${match[2] ?? ''}`,
  );
}

/** The figures of `stated` not matched one for one by a figure of `expected`. */
function unmatched(stated: readonly string[], expected: readonly string[]): string[] {
  const available = [...expected];
  return stated.filter((figure) => {
    const index = available.indexOf(figure);
    if (index < 0) return true;
    available.splice(index, 1);
    return false;
  });
}

function finding(
  ruleId: string,
  severity: '错误' | '提示',
  section: NarrativeSection,
  message: string,
): Finding {
  return {
    ruleId,
    severity,
    isRounding: false,
    message: `情况说明${section.no}、${section.title}：${message}`,
    cells: [],
  };
}

/**
 * 审核 findings on rewritten sentences: N1 a figure the tables do not give (错误), N2 a figure
 * of the tables left out (提示), N3 a rewrite the figures have changed under (提示).
 */
export function narrativeFindings(sections: readonly NarrativeSection[]): Finding[] {
  return sections.flatMap((section) =>
    section.sentences.flatMap((sentence): Finding[] => {
      if (!sentence.isEdited) return [];
      const stated = statedFigures(sentence.text);
      const expected = statedFigures(sentence.generatedText);
      const foreign = unmatched(stated, expected);
      const missing = unmatched(expected, stated);
      const findings: Finding[] = [];
      if (foreign.length > 0) {
        findings.push(
          finding(
            'N1',
            '错误',
            section,
            `改写的句子中 ${foreign.join('、')} 与表格不符（按表格应为：${sentence.generatedText}）`,
          ),
        );
      }
      if (missing.length > 0) {
        findings.push(finding('N2', '提示', section, `改写的句子少了表格中的 ${missing.join('、')}`));
      }
      if (foreign.length === 0 && sentence.isStale) {
        findings.push(
          finding(
            'N3',
            '提示',
            section,
            `改写后表格数据有变动，请核对该句（按表格现为：${sentence.generatedText}）`,
          ),
        );
      }
      return findings;
    }),
  );
}
