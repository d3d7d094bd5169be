/** The dialog a `Replaces` header (RFC 3891) names. */
export interface ReplacesTarget {
  callId: string;
  toTag: string;
  fromTag: string;
}

/** Parses `callid;to-tag=a;from-tag=b[;early-only]`; null when malformed. */
export function parseReplaces(value: string | undefined): ReplacesTarget | null {
  if (!value || value.length > 1_000) return null;
  const [callId, ...params] = value.split(';').map((part) => part.trim());
  if (!callId) return null;
  const tags = new Map<string, string>();
  for (const param of params) {
    const [name, tag] = param.split('=');
    if (name && tag) tags.set(name.toLowerCase(), tag);
  }
  const toTag = tags.get('to-tag');
  const fromTag = tags.get('from-tag');
  return toTag && fromTag ? { callId, toTag, fromTag } : null;
}

/**
 * Whether a dialog is the one named. RFC 3891 has to-tag = the recipient's
 * local tag; both orders are accepted, as deployed UAs are not all strict.
 */
export function replacesDialog(target: ReplacesTarget, dialog: { callId: string; localTag: string; remoteTag: string }): boolean {
  if (target.callId !== dialog.callId) return false;
  const strict = target.toTag === dialog.localTag && target.fromTag === dialog.remoteTag;
  const swapped = target.toTag === dialog.remoteTag && target.fromTag === dialog.localTag;
  return strict || swapped;
}
