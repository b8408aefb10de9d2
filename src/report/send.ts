/**
 * The later steps' half of the flow, plugged into it when their chunk arrives: their checks, and sending the
 * report with what the resident asked this device to keep (My requests, contact details, photos not sent yet).
 */
import type { SubmitResult } from '../backend/types';
import { toNewRequest } from '../schema/new-request';
import { validateLocationAndDetails } from '../schema/location-and-details';
import { contactKeyFor, forgetContact, loadContact, saveContact } from '../storage/contact-store';
import { myRequestsKeyFor, rememberRequest } from '../storage/my-requests';
import { dropPhoto, photoBlob } from '../storage/photo-store';
import type { ReportSteps, ReportFlow } from './flow';
import { track, valueOf } from './load';

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
      // A gateway's CAPTCHA: known (and its script loaded) well before Send.
      if (flow.backend?.captcha) loadCaptcha(flow);
      // A resident who asked to be remembered finds their details filled in.
      const d = flow.draft;
      const saved = loadContact(contactKeyFor(flow.storageKey));
      if (saved && !d.email && !d.firstName && !d.lastName && !d.phone) flow.set({ ...saved, remember: true });
    },
  };
}

async function send(flow: ReportFlow, signal: AbortSignal): Promise<SubmitResult> {
  const d = flow.draft;
  const request = toNewRequest(d, flow.currentDefinition());
  // Photos kept on the device go with the report itself, as files.
  const kept = d.photos.filter((p) => p.local);
  const media = (await Promise.all(kept.map(async (p) => ({ blob: await photoBlob(p.local!), name: p.name })))).flatMap(
    (m) => (m.blob ? [{ blob: m.blob, name: m.name }] : []),
  );
  if (media.length) request.media = media;
  if (flow.captchaAnswer) request.captcha = flow.captchaAnswer;
  // An answer is good for one Send: whatever happens, the next Send asks for a new one.
  flow.captchaAnswer = undefined;
  const result = await flow.backend!.submit(request, signal);
  for (const p of kept) void dropPhoto(p.local!);
  const contactKey = contactKeyFor(flow.storageKey);
  if (d.remember && !d.anonymous) saveContact(contactKey, d);
  else if (!d.remember) forgetContact(contactKey);
  const id = result.serviceRequestId ?? result.token;
  const serviceName = flow.selectedService()?.service_name;
  // Kept as filed: what the resident chose and wrote (empty details are not kept).
  if (id)
    rememberRequest(myRequestsKeyFor(flow.storageKey), { id, token: result.token, serviceName, address: d.address });
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
    flow.resolve(token, id);
  } catch {
    // Cancelled or gave up: the token stays as the reference, which the status view also accepts.
  }
}
