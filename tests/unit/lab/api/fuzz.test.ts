import { AGENT_API_LIMITS } from '../../../../common/agent-api';
import { CLOSE_FRAME_TOO_LARGE } from '../../../../lab/api';
import { FuzzGenerator, NOT_LOGGED_IN, prng, WRONG_STATE, type FuzzCase } from './support/fuzz-cases';
import { startHarness, type Harness } from './support/harness';
import { LOGIN_ALICE, LOGIN_BOB, type Frame, type TestClient } from './support/test-client';

/**
 * 10 000 malformed frames plus 1 500 well-formed but refused requests, over
 * real WebSockets to the real server with the fake backend. Every frame gets
 * exactly one error answer, in order; the backend and the sessions end as
 * they started; only frames over the size cap are dropped, by closing the
 * connection with 1008.
 */
const SEED = 0x5eed_a61;
const MALFORMED = 10_000;
const REFUSED_AUTHED = 1_000;
const REFUSED_ANON = 500;
const BATCH = 100;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function checkAnswer(c: FuzzCase, answer: Frame | undefined): void {
  const context = `${c.kind} → ${JSON.stringify(answer)?.slice(0, 300)}`;
  if (c.expectId === null) {
    if (!(answer?.type === 'event' && answer.event === 'error' && answer.seq === 0)) throw new Error(`expected an error event: ${context}`);
    if (c.expectCode !== undefined && (answer.body as { code: string }).code !== c.expectCode) throw new Error(`code: ${context}`);
    return;
  }
  if (!(answer?.type === 'response' && answer.id === c.expectId && answer.ok === false)) throw new Error(`expected error response ${c.expectId}: ${context}`);
  if (c.expectCode !== undefined && answer.error?.code !== c.expectCode) throw new Error(`expected ${c.expectCode}: ${context}`);
}

async function run(client: TestClient, cases: FuzzCase[]): Promise<void> {
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    for (const c of batch) client.send(c.data, c.binary);
    const answers = await client.take(batch.length);
    batch.forEach((c, i) => checkAnswer(c, answers[i]));
  }
}

it('answers every malformed or refused frame with an error and changes nothing', async () => {
  const alice = await h.connect();
  await alice.request('login', LOGIN_ALICE);
  const bob = await h.connect();
  await bob.request('login', LOGIN_BOB);
  h.backend.offer('alice', 'c-a');
  await alice.request('accept-offer', { contactId: 'c-a' });
  h.backend.offer('bob', 'c-b');
  await bob.waitFor((f) => f.event === 'offer');
  await alice.waitFor((f) => f.event === 'contact');
  alice.mark();
  const anon = await h.connect();

  const digest = h.backend.digest();
  const stats = h.server.stats();
  const bobFrames = bob.frames.length;

  const gen = new FuzzGenerator(prng(SEED));
  const rand = prng(SEED + 1);
  const authedCases: FuzzCase[] = [];
  const anonCases: FuzzCase[] = [];
  for (let i = 0; i < MALFORMED; i += 1) (rand() < 0.7 ? authedCases : anonCases).push(gen.next());
  for (let i = 0; i < REFUSED_AUTHED; i += 1) authedCases.splice(Math.floor(rand() * authedCases.length), 0, gen.refused(WRONG_STATE));
  for (let i = 0; i < REFUSED_ANON; i += 1) anonCases.splice(Math.floor(rand() * anonCases.length), 0, gen.refused(NOT_LOGGED_IN));
  expect(authedCases.length + anonCases.length).toBe(MALFORMED + REFUSED_AUTHED + REFUSED_ANON);
  expect(new Set([...authedCases, ...anonCases].map((c) => c.kind)).size).toBeGreaterThanOrEqual(20);

  await Promise.all([run(alice, authedCases), run(anon, anonCases)]);

  // Nothing changed: the backend, the sessions, and nobody got an event.
  expect(h.backend.digest()).toBe(digest);
  expect(h.server.stats()).toEqual(stats);
  expect(bob.frames.length).toBe(bobFrames);
  expect(alice.frames.slice(-authedCases.length).filter((f) => f.type === 'event' && f.seq !== 0)).toEqual([]);
  // Both connections still work.
  expect((await alice.request('ping', { nonce: 'after' })).body).toMatchObject({ nonce: 'after' });
  expect((await anon.request('directory.get')).error?.code).toBe('not-logged-in');
  expect((await alice.request('cad.get', { contactId: 'c-a' })).ok).toBe(true);
});

it('drops a frame over the size cap only by closing its connection with 1008', async () => {
  const rand = prng(SEED + 2);
  for (let i = 0; i < 5; i += 1) {
    const client = await h.connect();
    const size = AGENT_API_LIMITS.maxFrameBytes + 1 + Math.floor(rand() * AGENT_API_LIMITS.maxFrameBytes);
    const frame = JSON.stringify({ v: 1, type: 'request', id: `big${i}`, op: 'ping', body: { nonce: 'x'.repeat(size) } });
    client.send(frame);
    expect((await client.closed).code).toBe(CLOSE_FRAME_TOO_LARGE);
    expect(client.frames).toEqual([]);
  }
  const invalidUtf8 = await h.connect();
  invalidUtf8.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
  expect((await invalidUtf8.closed).code).toBe(1007);
  const still = await h.connect();
  expect((await still.request('ping')).ok).toBe(true);
});
