/**
 * ReportFlow on its own: no element, no DOM beyond the tab's storage; a fake backend and a fake later-steps
 * plug-in. What the elements show is tested through them (user-stories and the rest); this is the state beneath.
 */
import { expect } from '@open-wc/testing';
import type { Backend, Service, ServiceDefinition, SubmitResult } from '../../src/backend/types';
import { BackendError } from '../../src/backend/types';
import { ReportFlow, type FlowOptions, type ReportSteps } from '../../src/report/flow';
import { resolveReference, startAnother } from '../../src/report/send';
import type { FieldError } from '../../src/schema/draft';

const KEY = 'citizen-portal:draft:flow-test';

const SERVICES: Service[] = [
  { service_code: 'POT', service_name: 'Pothole', metadata: true, type: 'realtime', keywords: [] },
  { service_code: 'GRA', service_name: 'Graffiti', metadata: false, type: 'realtime', keywords: [] },
] as unknown as Service[];
const POTHOLE: ServiceDefinition = { service_code: 'POT', attributes: [] } as unknown as ServiceDefinition;

function fakeBackend(overrides: Partial<Backend> = {}) {
  const calls = { services: 0, definitions: [] as string[], submits: 0 };
  const backend: Backend = {
    services: async () => (calls.services++, SERVICES),
    serviceDefinition: async (code) => (calls.definitions.push(code), POTHOLE),
    submit: async () => (calls.submits++, { serviceRequestId: '1001' }),
    request: async () => {
      throw new BackendError('not-found', 'no');
    },
    ...overrides,
  };
  return { backend, calls };
}

/** Later steps that ask for a description, and send through the backend. */
function fakeSteps(problems: (flow: ReportFlow) => FieldError[] = () => []): ReportSteps {
  return {
    validate: problems,
    send: (flow, signal) => flow.backend!.submit({ service_code: flow.draft.serviceCode } as never, signal),
    attach: () => undefined,
  };
}

function makeFlow(options: Partial<FlowOptions> = {}, later = fakeSteps()): ReportFlow {
  return new ReportFlow({ storageKey: KEY, loadSteps: async () => later, ...options });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).to.equal(true);
};

describe('ReportFlow', () => {
  beforeEach(() => sessionStorage.clear());

  it("loads the categories in the city's words and chooses a preset one", async () => {
    const flow = makeFlow();
    const { backend } = fakeBackend();
    flow.connect(backend, { Pothole: 'Bache' }, 'POT');
    expect(flow.services.state).to.equal('loading');
    await until(() => flow.services.state === 'ready');
    expect(flow.selectedService()?.service_name).to.equal('Bache');
    expect(flow.draft.serviceCode).to.equal('POT');
  });

  it('keeps the failure of the categories, and loads them again on asking', async () => {
    let fail = true;
    const { backend } = fakeBackend({
      services: async () => {
        if (fail) throw new BackendError('http', 'HTTP 500', { status: 500 });
        return SERVICES;
      },
    });
    const flow = makeFlow();
    flow.connect(backend, undefined);
    await until(() => flow.services.state === 'failed');
    expect(flow.services.state === 'failed' && (flow.services.error as BackendError).kind).to.equal('http');
    fail = false;
    await flow.loadServices();
    expect(flow.services.state).to.equal('ready');
  });

  it('tells its subscribers of every change, until they unsubscribe; keeps the draft in the tab', () => {
    const flow = makeFlow();
    let heard = 0;
    const off = flow.subscribe(() => heard++);
    flow.set({ description: 'Deep hole' });
    flow.answer('SIZE', 'big');
    expect(heard).to.equal(2);
    off();
    flow.touch('description');
    expect(heard).to.equal(2);
    const again = makeFlow();
    expect(again.restored).to.equal(true);
    expect(again.draft.description).to.equal('Deep hole');
    expect(again.draft.answers).to.deep.equal({ SIZE: 'big' });
    again.discard();
    expect(makeFlow().restored).to.equal(false);
  });

  it('looks for the kept draft after the first screen when asked to: when idle, or at the first change', async () => {
    makeFlow().set({ serviceCode: 'GRA', description: 'Tags', step: 'details' });
    const idle: Array<() => void> = [];
    const later = makeFlow({ draftNow: false, whenIdle: (task) => idle.push(task) });
    expect(later.draft.serviceCode, 'not read before the first screen').to.equal('');
    let heard = 0;
    later.subscribe(() => heard++);
    idle.forEach((task) => task());
    expect(later.draft).to.include({ serviceCode: 'GRA', description: 'Tags', step: 'details' });
    expect(later.restored).to.equal(true);
    expect(heard, 'the elements show it').to.be.greaterThan(0);

    // The resident changes something before the browser was idle: the kept draft first, then the change, and they
    // stay on their step (a jump would take away the field they are in).
    const sooner = makeFlow({ draftNow: false, whenIdle: () => undefined });
    sooner.set({ description: 'Tags on the bridge' });
    expect(sooner.draft).to.include({ serviceCode: 'GRA', description: 'Tags on the bridge', step: 'what' });
    expect(sooner.restored).to.equal(true);
  });

  it("keeps a draft found after the first screen over the page's preset category", async () => {
    makeFlow().set({ serviceCode: 'GRA' });
    const flow = makeFlow({ draftNow: false, whenIdle: () => undefined });
    flow.connect(fakeBackend().backend, undefined, 'POT');
    await until(() => flow.services.state === 'ready');
    expect(flow.draft.serviceCode).to.equal('GRA');
    expect(flow.restored).to.equal(true);
  });

  it('does not go on without a category, and shows the problem only once tried or touched', async () => {
    const flow = makeFlow();
    expect(flow.errorFor('serviceCode')).to.equal(undefined);
    expect(await flow.continue()).to.deep.equal({ kind: 'invalid', step: 'what' });
    expect(flow.errorFor('serviceCode')?.code).to.equal('category');
    expect(flow.fieldId('serviceCode')).to.equal('category');
  });

  it('fetches the later steps when moving on, and the questions once they are here, once per category', async () => {
    const { backend, calls } = fakeBackend();
    let loads = 0;
    const flow = makeFlow({ loadSteps: async () => (loads++, fakeSteps()) });
    flow.connect(backend, undefined);
    await until(() => flow.services.state === 'ready');
    flow.set({ serviceCode: 'POT' });
    expect(calls.definitions, 'not for the first screen').to.deep.equal([]);
    expect(await flow.continue()).to.deep.equal({ kind: 'moved' });
    expect(flow.draft.step).to.equal('where');
    await until(() => flow.definition.state === 'ready' && !!flow.currentDefinition());
    await flow.back();
    await flow.goTo('where');
    flow.set({ serviceCode: 'GRA' }); // no questions: nothing fetched
    flow.set({ serviceCode: 'POT' }); // fetched before: kept
    expect(calls.definitions).to.deep.equal(['POT']);
    expect(loads).to.equal(1);
  });

  it("on Send while the category's questions reload (another language), waits for them and checks them", async () => {
    let answer!: (d: ServiceDefinition) => void;
    const { backend, calls } = fakeBackend();
    const flow = makeFlow(
      {},
      fakeSteps((f) =>
        f.currentDefinition()?.service_code === 'POT' && !f.draft.answers['SIZE']
          ? [{ field: 'attr:SIZE', code: 'answer' }]
          : [],
      ),
    );
    flow.connect(backend, undefined);
    await until(() => flow.services.state === 'ready');
    flow.set({ serviceCode: 'POT' });
    await flow.goTo('review');
    await until(() => flow.definition.state === 'ready');
    // The resident switches language: the questions are asked for again, and Send is pressed before they come.
    flow.connect({ ...backend, serviceDefinition: () => new Promise((r) => (answer = r)) }, undefined);
    await until(() => flow.definition.state === 'loading');
    const pressed = flow.continue();
    answer(POTHOLE);
    expect(await pressed).to.deep.equal({ kind: 'invalid', step: 'details' });
    expect(calls.submits, 'nothing sent without its required answer').to.equal(0);
  });

  it('stays on a step whose chunk cannot be loaded, and says so', async () => {
    const flow = makeFlow({ loadSteps: () => Promise.reject(new Error('offline')) });
    flow.set({ serviceCode: 'GRA' });
    expect(await flow.continue()).to.deep.equal({ kind: 'not-sent' });
    expect(flow.draft.step).to.equal('what');
    expect(flow.steps?.state).to.equal('failed');
  });

  it("checks the later steps with the plug-in's rules; on the last step an earlier problem takes the resident there", async () => {
    let described = false;
    const later = fakeSteps((f) => (described ? [] : [{ field: 'description', code: 'description' }]));
    const flow = makeFlow({}, later);
    flow.set({ serviceCode: 'GRA' });
    await flow.goTo('review');
    expect(await flow.continue()).to.deep.equal({ kind: 'invalid', step: 'details' });
    expect(flow.draft.step).to.equal('details');
    expect(flow.errorFor('description')?.code).to.equal('description');
    described = true;
    expect(await flow.continue()).to.deep.equal({ kind: 'moved' });
  });

  it('sends once however often Send is pressed, then forgets the kept draft and tells the page', async () => {
    let release!: (r: SubmitResult) => void;
    const { backend, calls } = fakeBackend({
      submit: () => (calls.submits++, new Promise<SubmitResult>((r) => (release = r))),
    });
    const submitted: Array<[SubmitResult, string]> = [];
    const flow = makeFlow({ onSubmitted: (r, code) => submitted.push([r, code]) });
    flow.connect(backend, undefined);
    flow.set({ serviceCode: 'GRA' });
    await flow.goTo('review');
    const first = flow.continue();
    await until(() => calls.submits === 1);
    expect(await flow.continue()).to.deep.equal({ kind: 'busy' });
    release({ serviceRequestId: '1001' });
    expect(await first).to.deep.equal({ kind: 'sent', result: { serviceRequestId: '1001' } });
    expect(calls.submits).to.equal(1);
    expect(submitted).to.deep.equal([[{ serviceRequestId: '1001' }, 'GRA']]);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('keeps everything when sending fails, and says why', async () => {
    const { backend } = fakeBackend({
      submit: async () => {
        throw new BackendError('http', 'HTTP 500', { status: 500 });
      },
    });
    const flow = makeFlow();
    flow.connect(backend, undefined);
    flow.set({ serviceCode: 'GRA', description: 'Tags' });
    await flow.goTo('review');
    expect(await flow.continue()).to.deep.equal({ kind: 'not-sent' });
    expect((flow.submitError as BackendError).kind).to.equal('http');
    expect(flow.submitting).to.equal(false);
    expect(flow.draft.description).to.equal('Tags');
    expect(makeFlow().draft.description, 'still kept in the tab').to.equal('Tags');
  });

  it('puts the real number in place of a provisional token, and starts another report keeping who the resident is', async () => {
    const resolved: string[] = [];
    const { backend } = fakeBackend({ submit: async () => ({ token: 'T-1' }) });
    const flow = makeFlow({ onResolved: (token, id) => resolved.push(`${token}=${id}`) });
    flow.connect(backend, undefined);
    flow.set({ serviceCode: 'GRA', email: 'sam@example.com', description: 'Tags' });
    await flow.goTo('review');
    await flow.continue();
    resolveReference(flow, 'T-9', '9'); // not this report's token
    resolveReference(flow, 'T-1', '1001');
    expect(flow.result).to.deep.equal({ token: 'T-1', serviceRequestId: '1001' });
    expect(resolved).to.deep.equal(['T-1=1001']);
    startAnother(flow);
    expect(flow.result).to.equal(undefined);
    expect(flow.draft).to.include({ step: 'what', serviceCode: '', description: '', email: 'sam@example.com' });
  });
});
