/** The lab's SIP over WebSocket registrar and proxy: see docs/lab-sip.md. */
export { createSipServer, type SipServer, type SipServerOptions } from './sip-server';
export type { CallRouter, ForwardOutcome, HeldInvite, InitialInvite, RouteDecision } from './call-router';
export type { SipServerEvents, SipEventName, SipEventListener } from './sip-events';
export type { Registration } from './location';
export type { Clock } from './clock';
export type { ProxyTimings } from './proxy-context';
export type { RegistrarLimits } from './registrar';
export type { SipTrace } from './sip-connection';
