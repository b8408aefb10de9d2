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
  const gone = flow.abort.signal;
  if (!tab || gone.aborted) return;
  // A closed tab's report, unless the resident has begun a new one meanwhile (or the form left the page).
  if (blank(flow.draft) && !flow.result)
    await adoptOrphan(key, tab, (draft) => {
      if (gone.aborted || !blank(flow.draft) || flow.result) return false;
      flow.restored = true;
      flow.set(draft);
      return true;
    });
  if (gone.aborted) return dropKept(key, tab);
  let kept: Draft | undefined;
  const keep = () => {
    if (gone.aborted) return;
    if (flow.result || blank(flow.draft)) {
      if (kept) dropKept(key, tab);
      kept = undefined;
    } else if (flow.draft !== kept) keepDraft(key, tab, (kept = flow.draft));
  };
  flow.subscribe(keep);
  keep();
  // The page removed the form (not a closed tab, which removes nothing): the tab's own draft is enough then.
  gone.addEventListener('abort', () => dropKept(key, tab), { once: true });
}
