import { GoalSheetsScreen } from '../screens/goals/GoalSheetsScreen';
import { NarrativeScreen } from '../screens/narrative/NarrativeScreen';
import { OverviewScreen } from '../screens/overview/OverviewScreen';
import { ChecksScreen } from '../screens/checks/ChecksScreen';
import { ConsolidationScreen } from '../screens/last-year/ConsolidationScreen';
import { LastYearScreen } from '../screens/last-year/LastYearScreen';
import { ReviewNotice } from '../screens/review/ReviewNotice';
import { ReviewScreen } from '../screens/review/ReviewScreen';
import { TableScreen } from '../screens/tables/TableScreen';
import { type Part, useWorkbook } from '../state/workbook';
import { Navigation } from './Navigation';
import { Toolbar } from './Toolbar';
import { isTablePart } from './parts';
import { useUndoShortcuts } from './useUndoShortcuts';

function PartScreen({ part }: { part: Part }) {
  if (isTablePart(part)) return <TableScreen key={part} table={part} />;
  switch (part) {
    case 'overview':
      return <OverviewScreen />;
    case 'goals':
      return <GoalSheetsScreen />;
    case 'narrative':
      return <NarrativeScreen />;
    case 'checks':
      return <ChecksScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'lastYear':
      return <LastYearScreen />;
    case 'consolidation':
      return <ConsolidationScreen />;
  }
}

/** The open workbook: toolbar, the parts of the document, and the part being worked on. */
export function Shell() {
  const part = useWorkbook((state) => state.part);
  useUndoShortcuts();
  return (
    <div className="shell">
      <Toolbar />
      <Navigation />
      <main className="shell__main">
        <ReviewNotice />
        <div className="shell__screen">
          <PartScreen part={part} />
        </div>
      </main>
    </div>
  );
}
