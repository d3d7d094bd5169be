/** The lab ACD: organisation config, pure routing/contact logic, ports and events. */
export { Acd, type AcdOptions } from './acd';
export { ManualClock, systemClock, type AcdClock, type TimerHandle } from './clock';
export { demoOrg } from './demo-org';
export { checkDialPlan, normalizeNumber } from './dial-plan';
export type { AcdEvent, AcdListener, DirectoryEntry } from './events';
export { DEMO_ORG_PATH, loadOrgFile } from './org-load';
export { orgSchema, parseOrg, type OrgConfig, type OrgParseResult } from './org-schema';
export { nullCallPort, type AcdCallPort } from './ports';
export type { IncomingCallInput } from './contacts';
export type { LoginInput } from './sessions';
export type { OutdialInput } from './outdial';
export type { WrapUpInput } from './wrap-up';
export type { AgentStatsView, QueueStatsView } from './stats';
export * from './types';
