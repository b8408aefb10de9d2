/**
 * The unfinished report beyond its tab (issue #15), once the later steps' chunk is here: a closed tab's report is
 * offered by the next tab of the page ("We kept the report you started", with "Start again"), and this tab's is
 * kept in its own copy while it has anything in it and the form is on the page (see storage/kept-drafts.ts for
 * where, how long, and why).
 */
import type { Draft } from '../schema/draft';
import { adoptOrphan, claimTab, dropKept, keepDraft, sweep } from '../storage/kept-drafts';
import type { ReportFlow } from './flow';

/** Nothing worth keeping: no category, place, words or photos (a new report, "Start again"). */
const blank = (d: Draft) => !d.serviceCode && !d.description.trim() && !d.address.trim() && !d.lat && !d.photos.length;

export async function keepAcrossTabs(flow: ReportFlow): Promise<void> {
  const key = flow.storageKey;
  sweep(key);
  const tab = await claimTab(key);
  if (!tab || flow.abort.signal.aborted) return;
  if (blank(flow.draft) && !flow.result) {
    const draft = await adoptOrphan(key, tab);
    // The resident may have begun meanwhile: their new report wins, the old one stays kept (under this tab).
    if (draft && blank(flow.draft)) {
      flow.restored = true;
      flow.set(draft);
    }
  }
  let kept: Draft | undefined;
  const keep = () => {
    if (flow.result || blank(flow.draft)) {
      if (kept) dropKept(key, tab);
      kept = undefined;
    } else if (flow.draft !== kept) keepDraft(key, tab, (kept = flow.draft));
  };
  flow.subscribe(keep);
  keep();
  // The page removed the form (not a closed tab, which removes nothing): the tab's own draft is enough then.
  flow.abort.signal.addEventListener('abort', () => dropKept(key, tab), { once: true });
}
