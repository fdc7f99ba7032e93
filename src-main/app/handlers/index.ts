import { documentHandlers } from './documents';
import { lastYearHandlers } from './last-year';
import { reviewHandlers } from './review';
import { tableHandlers } from './tables';
import { transferHandlers } from './transfer';
import type { Handlers } from './types';
import { workbookHandlers } from './workbook';

/** One handler per request of the contract; the compiler refuses a missing one. */
export const HANDLERS: Handlers = {
  ...workbookHandlers,
  ...tableHandlers,
  ...documentHandlers,
  ...transferHandlers,
  ...reviewHandlers,
  ...lastYearHandlers,
};
