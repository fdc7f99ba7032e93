import { useState } from 'react';
import type { EditResult, TableView } from '../../../shared/contract/views';
import type { TableDefinition } from '../../../shared/tables/types';
import { rowKey } from '../../../shared/workbook/content';
import { api } from '../../api/client';
import { ConfirmRemoval } from '../../shell/ConfirmRemoval';
import { runEdit, useWorkbook } from '../../state/workbook';
import { AddEconomicRowDialog } from './AddEconomicRowDialog';
import { AddProjectDialog } from './AddProjectDialog';
import { AddSubjectDialog } from './AddSubjectDialog';
import { RenameDialog } from './RenameDialog';
import { UnitsDialog } from './UnitsDialog';

type OpenDialog = 'subject' | 'economic' | 'project' | 'rename' | 'units' | null;

/** The record id in the key of a record row (`project:12` → 12), if the key is of that kind. */
function recordId(key: string, keyOf: (id: number) => string): number | null {
  const id = Number(key.slice(key.lastIndexOf(':') + 1));
  return Number.isInteger(id) && id > 0 && keyOf(id) === key ? id : null;
}

/** The printed labels of a row (科目编码 and name, or the project's name), for the user. */
function rowName(row: TableView['rows'][number]): string {
  return Object.values(row.labels)
    .filter((label) => label.trim() !== '')
    .join(' ');
}

interface Removal {
  /** What goes, in the confirmation's sentence: 项目“…”及其绩效目标表. */
  readonly what: string;
  readonly remove: () => Promise<EditResult>;
}

/** Removes the selected row after the user confirms what goes (one undo step). */
function RemoveButton(props: { label: string; title: string; removal: Removal | null }) {
  const { removal } = props;
  const [isConfirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={removal === null}
        title={props.title}
        onClick={() => setConfirming(true)}
      >
        {props.label}
      </button>
      {isConfirming && removal !== null && (
        <ConfirmRemoval
          title={props.label}
          message={`将删除${removal.what}。删除后可以撤销（Ctrl+Z）。`}
          onConfirm={() => void runEdit(removal.remove)}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}

/** Adding and removing the rows a table is made of: 科目, 表六 lines, units, projects. */
export function RowActions({ definition, view }: { definition: TableDefinition; view: TableView }) {
  const selected = useWorkbook((state) => state.selectedCell);
  const projects = useWorkbook((state) => state.summary?.projects ?? []);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const selectedRow =
    selected?.table === definition.key ? view.rows.find((row) => row.key === selected.row) : undefined;
  const model = definition.rowModel.kind;

  switch (model) {
    case 'subjects':
    case 'capitalOperations': {
      const row = selectedRow?.kind === 'subject' ? selectedRow : null;
      return (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => setDialog('subject')}>
            添加科目…
          </button>
          <RemoveButton
            label="删除科目"
            title={row === null ? '先选中要删除的科目行' : `删除 ${rowName(row)} 及其下级科目（可撤销）`}
            removal={
              row === null
                ? null
                : {
                    what: `科目“${rowName(row)}”及其下级科目`,
                    remove: () =>
                      api.invoke('tables/removeSubjectRow', { table: definition.key, row: row.key }),
                  }
            }
          />
          {dialog === 'subject' && <AddSubjectDialog definition={definition} view={view} onClose={close} />}
        </div>
      );
    }
    case 'economic': {
      const rowId = selectedRow === undefined ? null : recordId(selectedRow.key, rowKey.economic);
      const what = selectedRow === undefined ? '' : `经济科目“${rowName(selectedRow)}”这一行`;
      return (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => setDialog('economic')}>
            添加经济科目…
          </button>
          <RemoveButton
            label="删除该行"
            title={rowId === null ? '先选中要删除的款级科目行' : '删除这一行（可撤销）'}
            removal={
              rowId === null ? null : { what, remove: () => api.invoke('economicRows/remove', { rowId }) }
            }
          />
          {dialog === 'economic' && <AddEconomicRowDialog onClose={close} />}
        </div>
      );
    }
    case 'units':
      return (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => setDialog('units')}>
            单位…
          </button>
          {dialog === 'units' && <UnitsDialog view={view} onClose={close} />}
        </div>
      );
    case 'projects': {
      const projectId = selectedRow === undefined ? null : recordId(selectedRow.key, rowKey.project);
      const what = selectedRow === undefined ? '' : `项目“${rowName(selectedRow)}”及其绩效目标表`;
      const project = projects.find((candidate) => candidate.id === projectId);
      return (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => setDialog('project')}>
            添加项目…
          </button>
          <button
            type="button"
            className="button"
            disabled={project === undefined}
            title={
              project === undefined
                ? '先选中要重命名的项目行'
                : '修改项目名称，金额和绩效目标表保留（可撤销）'
            }
            onClick={() => setDialog('rename')}
          >
            重命名项目…
          </button>
          <RemoveButton
            label="删除项目"
            title={projectId === null ? '先选中要删除的项目行' : '删除该项目及其绩效目标表（可撤销）'}
            removal={
              projectId === null ? null : { what, remove: () => api.invoke('projects/remove', { projectId }) }
            }
          />
          <button type="button" className="button" onClick={() => setDialog('units')}>
            单位…
          </button>
          {dialog === 'project' && (
            <AddProjectDialog kind={definition.rowModel.projectKind} onClose={close} />
          )}
          {dialog === 'rename' && project !== undefined && (
            <RenameDialog target={{ what: '项目', id: project.id, name: project.name }} onClose={close} />
          )}
          {dialog === 'units' && <UnitsDialog view={null} onClose={close} />}
        </div>
      );
    }
    case 'fixed':
      return null;
  }
}
