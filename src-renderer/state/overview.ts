/** The 概况 screen's state: the overview's draft, saved as a whole (one undoable edit). */
import { api } from '../api/client';
import { createFormStore } from '../forms/form-store';
import { overviewDraft, overviewOf } from '../screens/overview/overview-draft';

export const useOverview = createFormStore({
  fetch: () => api.invoke('overview/get', {}),
  toDraft: overviewDraft,
  fromDraft: overviewOf,
  send: (overview) => api.invoke('overview/set', { overview }),
  savedMessage: '概况已保存',
});
