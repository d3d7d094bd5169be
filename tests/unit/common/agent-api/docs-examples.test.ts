import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AGENT_API_EVENTS,
  AGENT_API_OPS,
  parseClientFrame,
  parseServerFrame,
  type AgentApiOp,
} from '../../../../common/agent-api';

/**
 * Every JSON example of docs/agent-api.md is a complete frame and must parse
 * with the real schemas; together they must show every op (request and
 * success response) and every event. The docs cannot drift from the code.
 */
const doc = readFileSync(path.join(__dirname, '../../../../docs/agent-api.md'), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

const opById = new Map<string, AgentApiOp>();
const requested = new Set<string>();
const answered = new Set<string>();
const events = new Set<string>();
const codes = new Set<string>();

it('has examples', () => {
  expect(blocks.length).toBeGreaterThan(50);
});

it.each(blocks.map((text, i) => [i + 1, text] as const))('example %i parses', (_n, text) => {
  const frame = JSON.parse(text) as { type: string; id?: string; ok?: boolean; event?: string; error?: { code: string } };
  if (frame.type === 'request') {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
    opById.set(parsed.request.id, parsed.request.op);
    requested.add(parsed.request.op);
    return;
  }
  const parsed = parseServerFrame(text, (id) => opById.get(id));
  if (parsed.kind !== 'frame') throw new Error(`${parsed.kind}: ${parsed.reason}`);
  if (frame.type === 'event') events.add(frame.event ?? '');
  else if (frame.ok) answered.add(opById.get(frame.id ?? '') ?? '');
  if (frame.error) codes.add(frame.error.code);
  if (frame.event === 'error') codes.add((frame as unknown as { body: { code: string } }).body.code);
});

it('shows every op, every success response and every event', () => {
  expect([...requested].sort()).toEqual([...AGENT_API_OPS].sort());
  const withoutOwnResponse = AGENT_API_OPS.filter((op) => !answered.has(op));
  // consult.confirm answers like consult.cancel; transfer blind like consult transfer: both shown once.
  expect(withoutOwnResponse.sort()).toEqual(['consult.confirm']);
  expect([...events].sort()).toEqual([...AGENT_API_EVENTS].sort());
  expect([...codes]).toEqual(expect.arrayContaining(['consult-failed', 'outdial-failed', 'outdial-rejected', 'malformed']));
});
