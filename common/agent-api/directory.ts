import { z } from 'zod';
import { AGENT_API_LIMITS as L } from './limits';
import { agentPresenceSchema } from './agent';
import { channelSchema, nameSchema, phoneNumberSchema, queueIdSchema, refSchema } from './primitives';

/** A queue with its live waiting count, for consult/transfer to queue (V4, V6). */
export const queueInfoSchema = z.strictObject({
  queueId: queueIdSchema,
  name: nameSchema,
  channel: channelSchema,
  waiting: z.number().int().nonnegative().max(1_000_000),
});
export type QueueInfo = z.infer<typeof queueInfoSchema>;

/** An enterprise address-book entry (V4, V6, V7). */
export const addressBookEntrySchema = z.strictObject({
  entryId: refSchema,
  name: nameSchema,
  number: phoneNumberSchema,
});
export type AddressBookEntry = z.infer<typeof addressBookEntrySchema>;

/** Everything the consult/transfer/outdial pickers need. */
export const directorySchema = z.strictObject({
  /** Logged-in agents only (V4), with their live presence. */
  agents: z.array(agentPresenceSchema).max(L.maxDirectoryAgents),
  queues: z.array(queueInfoSchema).max(L.maxDirectoryQueues),
  addressBook: z.array(addressBookEntrySchema).max(L.maxAddressBookEntries),
});
export type Directory = z.infer<typeof directorySchema>;

/**
 * A change to the directory: changed entries replace earlier ones with the
 * same id; an agent whose presence is `logged-out` leaves the picker.
 */
export const directoryChangeSchema = z.strictObject({
  agents: z.array(agentPresenceSchema).max(L.maxDirectoryAgents),
  queues: z.array(queueInfoSchema).max(L.maxDirectoryQueues),
});
export type DirectoryChange = z.infer<typeof directoryChangeSchema>;
