import type { ReactElement } from 'react';

/**
 * Line icons drawn for Switchboard (24×24, `currentColor`). Inline SVG
 * elements, not `data:` URLs or inline styles, so the strict CSP holds.
 */
const PATHS = {
  history: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  statistics: <path d="M4 20h16M7 16.5V11M12 16.5V6.5M17 16.5V9" />,
  dialpad: (
    <>
      {[5, 10.5, 16].flatMap((y) =>
        [6, 12, 18].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" className="icon__fill" />),
      )}
      <circle cx="12" cy="21" r="1.6" className="icon__fill" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9.6 9.5a2.5 2.5 0 0 1 4.8.9c0 1.7-2.4 2.1-2.4 3.6" />
      <circle cx="12" cy="16.9" r="0.9" className="icon__fill" />
    </>
  ),
  close: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  alert: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5v5.5" />
      <circle cx="12" cy="16.2" r="0.9" className="icon__fill" />
    </>
  ),
  restart: <path d="M19 12a7 7 0 1 1-2.05-4.95M19 4.5V8h-3.5" />,
  chevronUp: <path d="M7 14.5l5-5 5 5" />,
  chevronDown: <path d="M7 9.5l5 5 5-5" />,
  phone: (
    <path d="M8.2 4.5l1.7 3.9-2 1.5a10 10 0 0 0 6.2 6.2l1.5-2 3.9 1.7-.6 2.9c-.1.5-.6.8-1.1.8A15.5 15.5 0 0 1 4.5 6.2c0-.5.3-1 .8-1.1z" />
  ),
  phoneEnd: (
    <path d="M3.6 13.9c4.7-4.2 12.1-4.2 16.8 0 .4.4.4 1 0 1.4l-1.9 1.8c-.3.3-.9.4-1.3.1l-2-1.4v-2.5a9.3 9.3 0 0 0-6.4 0v2.5l-2 1.4c-.4.3-1 .2-1.3-.1l-1.9-1.8c-.4-.4-.4-1 0-1.4z" />
  ),
  pause: <path d="M9 6.5v11M15 6.5v11" />,
  play: <path d="M8.5 6.2v11.6L18 12z" />,
  mic: (
    <>
      <rect x="9" y="3.5" width="6" height="11" rx="3" />
      <path d="M5.8 11.5a6.2 6.2 0 0 0 12.4 0M12 17.8v2.7" />
    </>
  ),
  micOff: (
    <>
      <path d="M15 10V6.5a3 3 0 0 0-5.6-1.5M9 9.5v2a3 3 0 0 0 4.9 2.3" />
      <path d="M5.8 11.5a6.2 6.2 0 0 0 10.3 4.6M18.2 11.5c0 .8-.2 1.6-.4 2.3M12 17.8v2.7M4.5 4.5l15 15" />
    </>
  ),
  consult: (
    <>
      <circle cx="10" cy="8.5" r="3.5" />
      <path d="M3.5 19c1.1-2.9 3.5-4.5 6.5-4.5 1.5 0 2.8.4 3.9 1.1M17.5 12.5v6M14.5 15.5h6" />
    </>
  ),
  transfer: <path d="M4.5 12h14M14 7l5 5-5 5" />,
  conference: (
    <>
      <circle cx="12" cy="7.5" r="2.8" />
      <circle cx="5.5" cy="11" r="2.2" />
      <circle cx="18.5" cy="11" r="2.2" />
      <path d="M7.5 19c.7-2.8 2.3-4.3 4.5-4.3s3.8 1.5 4.5 4.3M2.5 18.5c.4-1.8 1.5-2.8 3-2.8M21.5 18.5c-.4-1.8-1.5-2.8-3-2.8" />
    </>
  ),
  swap: <path d="M5 8.5h13.5M15 5l3.5 3.5L15 12M19 15.5H5.5M9 12l-3.5 3.5L9 19" />,
  backspace: (
    <>
      <path d="M9 5.5h10.5a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9L3.5 12z" />
      <path d="M11.5 9.5l5 5M16.5 9.5l-5 5" />
    </>
  ),
  contacts: (
    <>
      <rect x="4" y="5" width="16" height="14" rx="2" />
      <path d="M8 10h8M8 14h5" />
    </>
  ),
  interaction: <path d="M5 6h14v9H10l-4 3.5V15H5z" />,
  customer: (
    <>
      <circle cx="12" cy="9" r="3.5" />
      <path d="M5.5 19c1.2-3 3.6-4.5 6.5-4.5s5.3 1.5 6.5 4.5" />
    </>
  ),
  logo: (
    <>
      <circle cx="7" cy="7" r="2.2" />
      <circle cx="17" cy="17" r="2.2" />
      <circle cx="17" cy="7" r="2.2" className="icon__fill" />
      <path d="M7 9.2v3.8a4 4 0 0 0 4 4h3.8M14.8 7H9.2" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof PATHS;

/** Decorative by default (`aria-hidden`): the control carries the label. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
