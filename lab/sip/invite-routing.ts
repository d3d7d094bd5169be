import { Grammar, type NameAddrHeader } from 'sip.js';
import type { CallRouter, InitialInvite, RouteDecision } from './call-router';
import { heldInviteFor } from './held-invite';
import type { InviteCall } from './invite-call';
import type { ProxyContext } from './proxy-context';
import type { SipRequest } from './sip-message';
import type { Target } from './targets';

/**
 * The first routing step of a new call: ask the application's router (if
 * any), then carry out its decision. Without a router every call is a plain
 * `forward` (location lookup of the Request-URI).
 */
export async function routeInitialInvite(
  call: InviteCall,
  ctx: ProxyContext,
  router: CallRouter | undefined,
  authenticatedUser: string | undefined,
): Promise<void> {
  let decision: RouteDecision = { kind: 'forward' };
  if (router) {
    try {
      decision = await router.route(describeInvite(call.request, authenticatedUser));
    } catch (error) {
      ctx.logger.error('call router failed', { callId: call.request.callId, error: String(error) });
      call.respond(500, 'Routing Failed');
      return;
    }
  }
  if (call.over) return; // the caller cancelled while the router thought
  switch (decision?.kind) {
    case 'forward':
      await forwardTo(call, ctx, ctx.targets.resolveUri(call.request.ruri));
      return;
    case 'forward-to':
      await forwardTo(call, ctx, ctx.targets.resolveUser(String(decision.user)));
      return;
    case 'reject':
      call.respond(validFailure(decision.status), decision.reason, decision.headers);
      return;
    case 'hold':
      try {
        decision.onHeld(heldInviteFor(call, ctx.targets));
      } catch (error) {
        ctx.logger.error('onHeld threw', { callId: call.request.callId, error: String(error) });
        call.reject(500, 'Routing Failed');
      }
      return;
    default:
      ctx.logger.error('call router returned an unknown decision', { callId: call.request.callId });
      call.respond(500, 'Routing Failed');
  }
}

/** Ordinary proxying of an INVITE (also re-INVITEs) to a resolved target. */
export async function forwardTo(call: InviteCall, ctx: ProxyContext, target: Target): Promise<void> {
  if (target.kind === 'none') {
    call.respond(target.status);
    return;
  }
  await call.forward(target, ctx.timings.inviteTimeoutMs);
}

/** The router's view of an INVITE. */
export function describeInvite(request: SipRequest, authenticatedUser: string | undefined): InitialInvite {
  const displayName = request.from.displayName;
  const replaces = parseReplaces(request.headers.first('Replaces'));
  return {
    callId: request.callId,
    fromUser: request.from.uri.user ?? '',
    ...(displayName ? { fromDisplayName: displayName } : {}),
    toUser: request.to.uri.user ?? '',
    requestUser: request.ruri.user ?? '',
    ...(authenticatedUser !== undefined ? { authenticatedUser } : {}),
    ...(replaces ? { replaces } : {}),
    header: (name) => request.headers.first(name),
  };
}

/** A Replaces header value (or a `?Replaces=` URI header, already decoded) → its dialog id. */
export function parseReplaces(value: string | undefined): InitialInvite['replaces'] {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = Grammar.parse(value, 'Replaces');
  } catch {
    return undefined;
  }
  const fields = parsed as { call_id?: unknown; replaces_to_tag?: unknown; replaces_from_tag?: unknown } | -1;
  if (fields === -1 || typeof fields !== 'object' || fields === null) return undefined;
  const { call_id: callId, replaces_to_tag: toTag, replaces_from_tag: fromTag } = fields;
  if (typeof callId !== 'string' || typeof toTag !== 'string' || typeof fromTag !== 'string') return undefined;
  return { callId, toTag, fromTag };
}

/** Refer-To of a REFER: the target URI without `?headers`, its user, and an embedded Replaces. */
export function describeReferTo(request: SipRequest):
  | { referTo: string; referToUser?: string; replaces?: InitialInvite['replaces'] }
  | undefined {
  const referTo = request.parsed.parseHeader('refer-to') as NameAddrHeader | undefined;
  if (!referTo?.uri) return undefined;
  const uri = referTo.uri.clone();
  const embedded = uri.getHeader('Replaces')?.[0];
  uri.clearHeaders();
  let decoded: string | undefined;
  try {
    decoded = embedded === undefined ? undefined : decodeURIComponent(embedded);
  } catch {
    decoded = undefined;
  }
  const replaces = parseReplaces(decoded);
  return {
    referTo: uri.toString(),
    ...(uri.user ? { referToUser: uri.user } : {}),
    ...(replaces ? { replaces } : {}),
  };
}

function validFailure(status: unknown): number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 300 && status <= 699 ? status : 500;
}
