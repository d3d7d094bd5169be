import type { ForwardOutcome, HeldInvite } from './call-router';
import type { InviteCall } from './invite-call';
import type { TargetResolver } from './targets';

/**
 * The application's handle on a held call (`RouteDecision` `hold`): a thin
 * facade over the proxy's InviteCall that enforces one branch at a time and
 * resolves users to their current registration.
 */
export function heldInviteFor(call: InviteCall, targets: TargetResolver): HeldInvite {
  call.markHeld();
  return {
    callId: call.request.callId,
    provisional(status, reason) {
      if (call.over) return;
      if (status !== 180 && status !== 182 && status !== 183) return;
      call.respond(status, reason);
    },
    reject(status, reason, headers) {
      call.reject(status, reason, headers);
    },
    forward(user, options): Promise<ForwardOutcome> {
      if (call.callerCancelledIt) return Promise.resolve({ kind: 'caller-cancelled' });
      if (call.over) return Promise.reject(new Error('the call is already over'));
      if (call.hasActiveBranch) return Promise.reject(new Error('a branch is already ringing'));
      if (!(options.timeoutMs > 0) || !Number.isFinite(options.timeoutMs)) {
        return Promise.reject(new Error('timeoutMs must be a positive number'));
      }
      const target = targets.resolveUser(user);
      if (target.kind === 'none') return Promise.resolve({ kind: 'failed', status: target.status });
      return call.forward(target, options.timeoutMs, options.headers);
    },
    stopRinging() {
      return call.stopRinging();
    },
    onCallerCancel(callback) {
      call.onCallerCancel(callback);
    },
  };
}
