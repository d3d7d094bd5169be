import { useEffect, useMemo, useRef, useState } from 'react';
import type { LinesView } from '../../../../../common/contract/softphone';
import { allowedCommands, LINE_IDS, type LineId } from '../../../../../common/softphone';
import { callControls, lineControls } from '../line-controls';
import { CallActions } from './call-actions';
import { LineCard } from './line-card';
import './call-panel.css';

/** Nothing else has focus: the agent is not typing or working elsewhere. */
const focusIsFree = () => document.activeElement === null || document.activeElement === document.body;

/**
 * The voice interaction in the centre panel: a card per busy line (line 1
 * the customer, line 2 the consult) and the interaction's buttons. All
 * call state comes from the mirror; only which keypad is open is local.
 */
export function CallPanel({ lines }: { lines: LinesView }) {
  const { phone, calls } = lines;
  const allowed = useMemo(() => allowedCommands(phone), [phone]);
  const [keypadLine, setKeypadLine] = useState<LineId | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLButtonElement>(null);
  /** Focus was in the panel when it was last anywhere on purpose. */
  const hadFocus = useRef(false);
  /** Where it was: a line card (`line1`, `line2`) or the interaction's buttons (`actions`). */
  const lastZone = useRef<string | null>(null);

  // An offer on line 1: Answer is one key away, unless the agent is busy elsewhere.
  const line1State = phone.line1.state;
  useEffect(() => {
    if (line1State === 'ringing' && focusIsFree()) answerRef.current?.focus();
  }, [line1State]);

  // A state change removed or disabled the focused button (Answer once
  // answered, the consult form once sent): keep focus in the card or the
  // button row it was in rather than dropping it to the page.
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || !hadFocus.current || !focusIsFree()) return;
    const zone = lastZone.current ? panel.querySelector(`[data-focus-zone="${lastZone.current}"]`) : null;
    const target =
      zone?.querySelector<HTMLButtonElement>('button:not(:disabled)') ??
      panel.querySelector<HTMLButtonElement>('button:not(:disabled)');
    target?.focus();
  }, [phone]);

  // The keypad's line hung up: a later call there starts with it closed.
  if (keypadLine !== null && phone[keypadLine].state === 'idle') setKeypadLine(null);

  const busy = LINE_IDS.filter((line) => phone[line].state !== 'idle');

  return (
    <div
      className="call-panel"
      ref={panelRef}
      onFocus={(event) => {
        hadFocus.current = true;
        lastZone.current = (event.target as HTMLElement).closest<HTMLElement>('[data-focus-zone]')?.dataset.focusZone ?? null;
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        // Focus moved somewhere else on purpose; a removed button gives null.
        if (next && !event.currentTarget.contains(next)) hadFocus.current = false;
      }}
    >
      <div className={`call-panel__lines call-panel__lines--${busy.length}`}>
        {busy.map((line) => (
          <LineCard
            key={line}
            line={line}
            phone={phone}
            call={calls[line]}
            controls={lineControls(phone, line, allowed)}
            keypadOpen={keypadLine === line}
            onToggleKeypad={() => setKeypadLine((current) => (current === line ? null : line))}
            answerRef={line === 'line1' ? answerRef : undefined}
          />
        ))}
      </div>
      <CallActions controls={callControls(phone, allowed)} />
    </div>
  );
}
