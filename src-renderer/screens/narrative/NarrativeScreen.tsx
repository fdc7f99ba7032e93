/**
 * 情况说明: the twelve sections sentence by sentence (generated, or the user's rewrite marked
 * against the generated text), the inputs they need beyond the tables, and the 名词解释.
 */
import { useEffect, useState } from 'react';
import { FindingText } from '../../shell/SeverityBadge';
import { useNarrative, useNarrativeInputs } from '../../state/narrative';
import { useWorkbook } from '../../state/workbook';
import { EditLock } from '../../forms/EditLock';
import { GlossaryView } from './GlossaryView';
import { NarrativeInputsForm } from './NarrativeInputsForm';
import { SentenceView } from './SentenceView';
import './narrative.css';

const TABS = [
  { key: 'sections', label: '情况说明' },
  { key: 'inputs', label: '填报内容' },
  { key: 'glossary', label: '名词解释' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function NarrativeScreen() {
  const revision = useWorkbook((state) => state.revision);
  const year = useWorkbook((state) => state.summary?.profile.year);
  const findings = useWorkbook((state) => state.findings);
  const sections = useNarrative((state) => state.sections);
  const loadProblem = useNarrative((state) => state.loadProblem);
  const [tab, setTab] = useState<Tab>('sections');
  const inputsUnsaved = useNarrativeInputs((state) => state.entry?.isDirty === true);

  useEffect(() => {
    void useNarrative.getState().load();
    void useNarrativeInputs.getState().load();
  }, [revision]);

  const sentences = sections?.flatMap((section) => section.sentences) ?? [];
  const edited = sentences.filter((sentence) => sentence.isEdited).length;
  const stale = sentences.filter((sentence) => sentence.isStale).length;

  return (
    <div className="screen narrative-screen">
      <header className="screen__header">
        <h2>情况说明</h2>
        <span className="screen__subtitle">
          共 {sentences.length} 句，已改写 {edited} 句{stale === 0 ? '' : `，其中 ${stale} 句需要复核`}
        </span>
      </header>
      <div className="tabs" role="tablist" aria-label="情况说明内容">
        {TABS.map((candidate) => (
          <button
            key={candidate.key}
            type="button"
            role="tab"
            aria-selected={tab === candidate.key}
            onClick={() => setTab(candidate.key)}
          >
            {candidate.label}
            {candidate.key === 'inputs' && inputsUnsaved ? (
              <span className="badge badge--warning">未保存</span>
            ) : null}
          </button>
        ))}
      </div>
      {loadProblem === null ? null : (
        <p className="problem-list" role="alert">
          {loadProblem}
        </p>
      )}
      <div
        className="content-screen__body"
        role="tabpanel"
        aria-label={TABS.find((candidate) => candidate.key === tab)?.label}
      >
        <EditLock>
          {tab === 'sections'
            ? sections?.map((section) => {
                const sectionFindings = findings.filter((finding) =>
                  finding.message.startsWith(`情况说明${section.no}、`),
                );
                return (
                  <section
                    key={section.no}
                    className="form-section narrative-section"
                    aria-label={`${section.no}、${section.title}`}
                  >
                    <h3>
                      {section.no}、{section.title}
                    </h3>
                    {section.sentences.map((sentence, index) => (
                      <SentenceView
                        key={sentence.id}
                        sentence={sentence}
                        label={`${section.no}、${section.title} 第${index + 1}句`}
                      />
                    ))}
                    {sectionFindings.map((finding, index) => (
                      <p key={index} className="narrative-section__finding">
                        <FindingText finding={finding} />
                      </p>
                    ))}
                  </section>
                );
              })
            : null}
          {tab === 'inputs' ? <NarrativeInputsForm /> : null}
          {tab === 'glossary' && year !== undefined ? <GlossaryView year={year} /> : null}
        </EditLock>
      </div>
    </div>
  );
}
