import { NARRATIVE_PART_TITLE } from '../../../shared/narrative/templates';
import { GLOSSARY_PART_TITLE, glossaryFor } from '../../../shared/narrative/glossary';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, parseCommandArgs, singlePositional } from '../args';

/** `disclosure narrative`: 第三部分 and 第四部分 as text, rewrites marked. */
export function runNarrative(args: readonly string[], output: Output): number {
  const { positionals } = parseCommandArgs(args, {});
  const workbook = Workbook.open(singlePositional(positionals, '工作簿文件路径'));
  try {
    const { year, scope } = workbook.content().profile;
    output.out(NARRATIVE_PART_TITLE.replace('{year}', String(year)).replace('{scope}', scope));
    for (const section of workbook.narrative()) {
      output.out(`${section.no}、${section.title}`);
      for (const sentence of section.sentences) {
        if (sentence.heading) output.out(sentence.heading);
        const mark = sentence.isEdited ? (sentence.isStale ? '〔已改写，数据已变动〕' : '〔已改写〕') : '';
        output.out(`${mark}${sentence.text}`);
      }
    }
    output.out(`\n${GLOSSARY_PART_TITLE}`);
    glossaryFor(year).forEach((entry, index) =>
      output.out(`${index + 1}. ${entry.term}：${entry.definition}`),
    );
    return 0;
  } finally {
    workbook.close();
  }
}
