/**
 * The later steps' half of the flow, plugged into it when their chunk arrives: their checks, and sending the
 * report with what the resident asked this device to keep (My requests, contact details, photos not sent yet).
 */
import { isBackendError, type NewRequest, type ServiceRequest, type SubmitResult } from '../backend/types';
import { emptyDraft } from '../schema/draft';
import { toNewRequest } from '../schema/new-request';
import { validateLocationAndDetails } from '../schema/location-and-details';
import { contactKeyFor, forgetContact, loadContact, saveContact } from '../storage/contact-store';
import { loadUnsure, saveUnsure, type UnsureSend } from '../storage/unsure-send';
import { forgetRequest, myRequestsKeyFor, rememberRequest } from '../storage/my-requests';
import { dropPhoto, photoBlob } from '../storage/photo-store';
import type { ReportSteps, ReportFlow } from './flow';
import { keepAcrossTabs } from './keep';
import { ready, track, valueOf } from './load';

/** Settings the later steps' checks need. */
export interface CheckSettings {
  requiredContact: readonly ('email' | 'firstName' | 'lastName' | 'phone')[];
}

export function reportSteps(settings: CheckSettings): ReportSteps {
  return {
    validate(flow) {
      const errors = validateLocationAndDetails(flow.draft, settings.requiredContact, flow.currentDefinition());
      const { captcha } = flow;
      if ((captcha.state === 'failed' || valueOf(captcha)) && !flow.captchaAnswer)
        errors.push({ field: 'captcha', code: 'captcha' });
      return errors;
    },
    send,
    attach(flow) {
      // The report survives a closed tab, and a closed tab's is offered (issue #15).
      void keepAcrossTabs(flow);
      // "Start again" on a report waiting to send (offline): it is no longer waiting in My requests.
      let had = !!flow.draft.serviceCode;
      flow.subscribe(() => {
        const has = !!flow.draft.serviceCode;
        if (had && !has && !flow.result) forgetRequest(myRequestsKeyFor(flow.storageKey), WAITING);
        had = has;
      });
      // A gateway's CAPTCHA: known (and its script loaded) well before Send.
      if (flow.backend?.captcha) loadCaptcha(flow);
      // A resident who asked to be remembered finds their details filled in.
      const d = flow.draft;
      const saved = loadContact(contactKeyFor(flow.storageKey));
      if (saved && !d.email && !d.firstName && !d.lastName && !d.phone) flow.set({ ...saved, remember: true });
    },
  };
}

/**
 * Why a Send did not end in a reference number although the report may be filed, or is kept to be filed (issue
 * #15): `unsure`, the POST went out and its answer never came (a timeout, a dropped connection); `unchecked`, the
 * Send after such a one could not check whether the first arrived, so the resident decides ("Send anyway" or
 * "Don't send"); `offline`, the device was offline: nothing went out, the report waits on the device for the
 * resident to send it once back online.
 */
export class SendDoubt extends Error {
  override name = 'SendDoubt';
  constructor(
    readonly doubt: 'unsure' | 'unchecked' | 'offline',
    override readonly cause: unknown,
  ) {
    super(`Send: ${doubt}`);
  }
}

export const isSendDoubt = (e: unknown): e is SendDoubt => e instanceof Error && e.name === 'SendDoubt';

/** The resident chose "Send anyway": their next Send files without checking (once). */
const knowingly = new WeakSet<ReportFlow>();
export function sendAnyway(flow: ReportFlow): void {
  knowingly.add(flow);
}

/** How far back (and ahead) of a lost Send to look for it: the server's clock may differ from the device's. */
const SKEW_MS = 15 * 60_000;

/** Words as a server may give them back: spaces collapsed, case folded. */
const words = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a request the server lists is the report whose answer was lost: the same category (when said), filed
 * since then, the same description (or one cut short by the server, from 20 characters on), and within 150 m
 * when both have coordinates.
 */
export function sameReport(r: ServiceRequest, sent: NewRequest, since: string): boolean {
  if (r.service_code && r.service_code !== sent.service_code) return false;
  if (r.requested_datetime && Date.parse(r.requested_datetime) < Date.parse(since) - SKEW_MS) return false;
  const [a, b] = [words(r.description), words(sent.description)].sort((x, y) => x.length - y.length);
  if (!a || (a !== b && (a.length < 20 || !b!.startsWith(a)))) return false;
  if (r.lat === undefined || r.long === undefined || sent.lat === undefined || sent.long === undefined) return true;
  const dy = (r.lat - sent.lat) * 111_320;
  const dx = (r.long - sent.long) * 111_320 * Math.cos((sent.lat * Math.PI) / 180);
  return Math.hypot(dx, dy) < 150;
}

/**
 * After a lost answer, the report the server filed, if it did (GET requests of the category since then); undefined
 * when it is not there. Throws `unchecked` when the server cannot say (no such call, or it failed).
 */
async function findFiled(
  flow: ReportFlow,
  sent: NewRequest,
  unsure: UnsureSend,
  signal: AbortSignal,
): Promise<ServiceRequest | undefined> {
  const backend = flow.backend!;
  if (!backend.requests) throw new SendDoubt('unchecked', undefined);
  try {
    const listed = await backend.requests(
      {
        serviceCode: sent.service_code,
        start: new Date(Date.parse(unsure.at) - SKEW_MS),
        end: new Date(Date.now() + SKEW_MS),
      },
      signal,
    );
    return listed.find((r) => sameReport(r, sent, unsure.at));
  } catch (e) {
    if (signal.aborted) throw e;
    throw new SendDoubt('unchecked', e);
  }
}

/** My requests' entry of a report waiting on the device to be sent (offline at Send): one per page's endpoint. */
export const WAITING = 'waiting-to-send';

/** No answer, though the request went out: the server may have filed it. A refusal (4xx/5xx) files nothing. */
const lostAnswer = (e: unknown) => isBackendError(e) && (e.kind === 'timeout' || e.kind === 'network');

async function send(flow: ReportFlow, signal: AbortSignal): Promise<SubmitResult> {
  // Offline: nothing is sent (a POST now would fail, or worse, half go); the report waits on the device, kept as
  // every draft is, and the resident sends it when the browser is back online (review-step.ts says when).
  const d = flow.draft;
  const waiting = { id: WAITING, serviceName: flow.selectedService()?.service_name, address: d.address };
  if (globalThis.navigator?.onLine === false) {
    // My requests shows it as waiting to send until it goes (or "Start again" drops it).
    rememberRequest(myRequestsKeyFor(flow.storageKey), { ...waiting, unsent: 'waiting' });
    throw new SendDoubt('offline', undefined);
  }
  forgetRequest(myRequestsKeyFor(flow.storageKey), WAITING);
  const request = toNewRequest(d, flow.currentDefinition());
  const myKey = myRequestsKeyFor(flow.storageKey);
  const serviceName = flow.selectedService()?.service_name;
  // An earlier Send of this report lost its answer: was it filed? Then it is not filed twice (issue #15).
  const unsure = loadUnsure(flow.storageKey);
  const anyway = knowingly.delete(flow);
  if (unsure && !anyway) {
    const found = await findFiled(flow, request, unsure, signal);
    if (found) return filed(flow, { serviceRequestId: found.service_request_id }, unsure, signal);
  }
  // Photos kept on the device go with the report itself, as files.
  const kept = d.photos.filter((p) => p.local);
  const media = (await Promise.all(kept.map(async (p) => ({ blob: await photoBlob(p.local!), name: p.name })))).flatMap(
    (m) => (m.blob ? [{ blob: m.blob, name: m.name }] : []),
  );
  if (media.length) request.media = media;
  if (flow.captchaAnswer) request.captcha = flow.captchaAnswer;
  // An answer is good for one Send: whatever happens, the next Send asks for a new one.
  flow.captchaAnswer = undefined;
  const at = new Date().toISOString();
  let result: SubmitResult;
  try {
    result = await flow.backend!.submit(request, signal);
  } catch (e) {
    // Too many reports: Send is usable again once the server's Retry-After has passed (issue #15).
    const wait = isBackendError(e) && e.kind === 'rate-limited' ? (e.details.retryAfterSeconds ?? 0) * 1000 : 0;
    if (wait) {
      flow.resendAt = Date.now() + wait;
      const timer = setTimeout(() => flow.changed(), wait + 50);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }
    if (!lostAnswer(e) || signal.aborted) throw e;
    // The first of several lost Sends is the one to look for from.
    const send = unsure ?? { at, marker: `unsent-${Date.now()}` };
    saveUnsure(flow.storageKey, send);
    rememberRequest(myKey, { id: send.marker, serviceName, address: d.address, unsent: 'maybe' });
    throw new SendDoubt('unsure', e);
  }
  for (const p of kept) void dropPhoto(p.local!);
  return filed(flow, result, unsure, signal);
}

/** The report is filed (just now, or found filed after a lost answer): kept in My requests, contact as asked. */
function filed(flow: ReportFlow, result: SubmitResult, unsure: UnsureSend | undefined, signal: AbortSignal) {
  const d = flow.draft;
  const myKey = myRequestsKeyFor(flow.storageKey);
  const contactKey = contactKeyFor(flow.storageKey);
  if (d.remember && !d.anonymous) saveContact(contactKey, d);
  else if (!d.remember) forgetContact(contactKey);
  const id = result.serviceRequestId ?? result.token;
  const serviceName = flow.selectedService()?.service_name;
  if (unsure) forgetRequest(myKey, unsure.marker);
  // Kept as filed: what the resident chose and wrote (empty details are not kept).
  if (id) rememberRequest(myKey, { id, token: result.token, serviceName, address: d.address });
  if (result.token && !result.serviceRequestId) void awaitReference(flow, result.token, signal);
  return result;
}

/** Asks the backend whether a CAPTCHA is wanted (and loads its script); again by "Try again" when it failed. */
export function loadCaptcha(flow: ReportFlow): void {
  void track(
    () => flow.backend!.captcha!(flow.abort.signal),
    (load) => {
      flow.captcha = load;
      flow.changed();
    },
  );
}

/**
 * Batch servers answer with a token; the real reference number comes later. The token is shown meanwhile, and
 * replaced (announced by the confirmation's status region) when the number arrives.
 */
async function awaitReference(flow: ReportFlow, token: string, signal: AbortSignal): Promise<void> {
  try {
    const id = await flow.backend?.resolveToken?.(token, signal);
    if (!id) return;
    rememberRequest(myRequestsKeyFor(flow.storageKey), { id, token });
    resolveReference(flow, token, id);
  } catch {
    // Cancelled or gave up: the token stays as the reference, which the status view also accepts.
  }
}

/** The real reference number behind the provisional token shown now (in this chunk: it comes after a Send). */
export function resolveReference(flow: ReportFlow, token: string, serviceRequestId: string): void {
  if (flow.result?.token !== token) return;
  flow.result = { ...flow.result, serviceRequestId };
  flow.options.onResolved?.(token, serviceRequestId);
  flow.changed();
}

/** "Report another problem": a new report that keeps who the resident is (they often report several things). */
export function startAnother(flow: ReportFlow): void {
  const { email, firstName, lastName, phone, remember, anonymous } = flow.draft;
  flow.result = undefined;
  flow.restored = false;
  flow.attempted = new Set();
  flow.touched = new Set();
  flow.definition = ready(undefined);
  flow.set({ ...emptyDraft(), email, firstName, lastName, phone, remember, anonymous });
}
