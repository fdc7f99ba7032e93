import { openWorkbookByDialog } from '../../shell/open-workbook';
import { NewWorkbookWizard } from './NewWorkbookWizard';
import { RecentWorkbooks } from './RecentWorkbooks';

/** What the app shows with no workbook open: create one, open one, or pick a recent one. */
export function StartScreen() {
  return (
    <main className="start">
      <header className="start__header">
        <h1>预算公开工作台</h1>
        <p className="screen__subtitle">
          编制单位、部门预算公开文件：十三张表、绩效目标表、情况说明，审核后导出 PDF。
        </p>
      </header>
      <div className="start__columns">
        <section className="start__card" aria-labelledby="new-workbook-title">
          <h2 id="new-workbook-title">新建工作簿</h2>
          <NewWorkbookWizard />
        </section>
        <div className="start__side">
          <section className="start__card" aria-labelledby="open-workbook-title">
            <h2 id="open-workbook-title">打开工作簿</h2>
            <p className="field__hint">打开已有的预算公开工作簿（.ysgk 文件）。</p>
            <div>
              <button type="button" className="button" onClick={() => void openWorkbookByDialog()}>
                打开…
              </button>
            </div>
          </section>
          <RecentWorkbooks />
        </div>
      </div>
    </main>
  );
}
