/**
 * Bounds of the agent API. Every string and array a peer can send has a cap
 * here, so a hostile or broken peer cannot make the other side allocate
 * without limit; the server also refuses whole frames over `MAX_FRAME_BYTES`.
 */
export const AGENT_API_LIMITS = {
  /** One WebSocket text frame, UTF-8 bytes. Larger frames close the socket (1008). */
  maxFrameBytes: 64 * 1024,
  /** Brackets nested deeper than this are refused before JSON.parse. */
  maxJsonDepth: 16,
  /** Request ids chosen by the client. */
  maxIdLength: 64,
  /** Ids of agents, teams, queues, contacts, codes chosen by the contact center. */
  maxRefLength: 64,
  maxNameLength: 128,
  maxUsernameLength: 128,
  maxPasswordLength: 256,
  minResumeTokenLength: 16,
  maxResumeTokenLength: 128,
  maxMessageLength: 500,
  maxCadFields: 32,
  maxCadValueLength: 512,
  maxDirectoryAgents: 500,
  maxDirectoryQueues: 200,
  maxAddressBookEntries: 500,
  maxContacts: 16,
  maxCodes: 100,
  /** Requests a connection may have waiting for an answer; beyond it: `busy`. */
  maxPendingRequests: 128,
} as const;
