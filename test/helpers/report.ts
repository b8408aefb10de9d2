/**
 * Walks the "Report a problem" steps the way a resident does (by role and name), so each test says only what is
 * special about it.
 */
import { accessibleName, getByRole, queryAllByRole, regionText, type, waitFor } from './dom';

/** The "Category" combobox, once the categories have loaded (its field is aria-busy until then). */
export async function categoryInput(el: Element): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = getByRole<HTMLInputElement>(el, 'combobox', 'Category');
    return !input.closest('[aria-busy="true"]') && input;
  }, 'the category field');
}

/** Types a category's name into the combobox and clicks its option, as a resident does. */
export async function pickCategory(el: Element, name: string): Promise<void> {
  const input = await categoryInput(el);
  type(input, name);
  const option = await waitFor(
    () => queryAllByRole(el, 'option').find((o) => accessibleName(o).replace(/ — .*$/, '') === name),
    `the option "${name}"`,
  );
  option.click();
  await waitFor(() => input.value === name, `"${name}" chosen`);
}

/** The visible step heading's text, e.g. "Step 2 of 4: Location". */
export const stepTitle = (el: Element) =>
  (getByRole(el, 'heading', /^Step \d of \d/).textContent ?? '').replace(/\s+/g, ' ').trim();

/** Presses Continue and waits for the next step's heading. */
export async function next(el: Element): Promise<void> {
  const before = stepTitle(el);
  getByRole(el, 'button', 'Continue').click();
  await waitFor(
    () => stepTitle(el) !== before && !/Loading/.test(regionText(el, 'status')),
    `the step after "${before}"`,
  );
}

/** Presses Back and waits for the step before. */
export async function back(el: Element): Promise<void> {
  const before = stepTitle(el);
  getByRole(el, 'button', 'Back').click();
  await waitFor(() => stepTitle(el) !== before, `the step before "${before}"`);
}

/** From the first step (a category chosen) to "Details and contact", where the category's questions are. */
export async function toDetails(el: Element, address = '1 Elm St'): Promise<void> {
  await next(el);
  type(getByRole(el, 'textbox', 'Address or place'), address);
  await next(el);
}

export interface Report {
  /** The category's name, as the resident sees it. */
  category: string;
  /** Answers the category's questions, at the top of "Details and contact" (after they appear). */
  answer?: (el: Element) => Promise<void> | void;
  lat?: string;
  long?: string;
  address?: string;
  description: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
}

/** Fills in every step and stops on "Check and send", where Submit is. */
export async function fillReport(el: Element, r: Report): Promise<void> {
  await pickCategory(el, r.category);
  await next(el);
  if (r.lat !== undefined) type(getByRole(el, 'textbox', 'Latitude'), r.lat);
  if (r.long !== undefined) type(getByRole(el, 'textbox', 'Longitude'), r.long);
  if (r.address !== undefined) type(getByRole(el, 'textbox', 'Address or place'), r.address);
  await next(el);
  await r.answer?.(el);
  type(getByRole(el, 'textbox', 'Description'), r.description);
  if (r.email !== undefined) type(getByRole(el, 'textbox', 'Email'), r.email);
  if (r.firstName !== undefined) type(getByRole(el, 'textbox', 'First name'), r.firstName);
  if (r.lastName !== undefined) type(getByRole(el, 'textbox', 'Last name'), r.lastName);
  if (r.phone !== undefined) type(getByRole(el, 'textbox', 'Phone'), r.phone);
  await next(el);
}

/** Presses Submit and waits for the reference number; returns it. */
export async function submitAndWait(el: Element): Promise<string> {
  getByRole(el, 'button', 'Submit').click();
  // A generous deadline: on a loaded machine (the whole suite, two cores) a POST and its render can take seconds.
  const status = await waitFor(
    () => regionText(el, 'status').match(/reference number is (\S+)/),
    'the confirmation',
    15_000,
  ).catch((e: Error) => {
    // What the resident sees instead, for whoever reads the failure.
    throw new Error(`${e.message}; alert: "${regionText(el, 'alert')}"; status: "${regionText(el, 'status')}"`);
  });
  return status[1]!;
}
