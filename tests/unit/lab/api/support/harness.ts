import { silentLogger } from '../../../../../lab/log';
import { createAgentApiServer, type AgentApiServer, type AgentApiServerOptions } from '../../../../../lab/api';
import { FakeBackend } from './fake-backend';
import { ManualApiClock } from './manual-clock';
import { TestClient } from './test-client';

/** A real server on a free loopback port with the fake backend and a manual clock. */
export interface Harness {
  server: AgentApiServer;
  backend: FakeBackend;
  clock: ManualApiClock;
  connect(headers?: Record<string, string>): Promise<TestClient>;
  /** Closes every client it opened, then the server. */
  close(): Promise<void>;
}

export async function startHarness(options: Partial<AgentApiServerOptions> = {}): Promise<Harness> {
  const backend = new FakeBackend();
  const clock = new ManualApiClock();
  const server = await createAgentApiServer({
    host: '127.0.0.1',
    port: 0,
    path: '/agent',
    backend,
    logger: silentLogger(),
    clock,
    ...options,
  });
  const clients: TestClient[] = [];
  return {
    server,
    backend,
    clock,
    async connect(headers) {
      const client = await TestClient.connect(server.url, headers);
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    },
  };
}

/** Waits (turn by turn of the event loop, no timers) until `check` holds. */
export async function until(check: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
