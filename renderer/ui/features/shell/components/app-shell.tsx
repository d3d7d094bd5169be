import { EngineAlert } from '../../engine/components/engine-alert';
import { HelpDialog } from '../../help/components/help-dialog';
import { useHelpShortcut } from '../../help/use-help-shortcut';
import { selectLines } from '../../mirror/selectors';
import { NoticeBanner } from '../../notices/components/notice-banner';
import { LoginScreen } from '../../session/components/login-screen';
import { SessionNotice } from '../../session/components/session-notice';
import { selectSignedIn } from '../../session/selectors';
import { useAppSelector } from '../../../app/hooks';
import { AuxPanel } from './aux-panel';
import { ContactList } from './contact-list';
import { InteractionPanel } from './interaction-panel';
import { NavBar } from './nav-bar';
import { TitleBar } from './title-bar';

/**
 * The agent desktop (seed ch. 1–2): title bar on top; navigation bar,
 * active contacts, interaction panel and auxiliary panel side by side.
 * Until the agent is logged in (S1) the login screen takes the place of
 * the contacts and the interaction, with navigation, settings and help
 * still around it; a softphone call made meanwhile (own SIP account)
 * shows beside it.
 */
export function AppShell() {
  useHelpShortcut();
  const signedIn = useAppSelector(selectSignedIn);
  const lines = useAppSelector(selectLines);
  const onCall = lines !== null && (lines.phone.line1.state !== 'idle' || lines.phone.line2.state !== 'idle');
  const bodyClass = signedIn ? 'shell__body' : `shell__body shell__body--login${onCall ? ' shell__body--login-call' : ''}`;
  return (
    <div className="shell">
      <TitleBar />
      <EngineAlert />
      <NoticeBanner />
      <SessionNotice />
      <div className={bodyClass} data-testid="shell-body" data-signed-in={signedIn}>
        <NavBar />
        {signedIn ? <ContactList /> : <LoginScreen />}
        {signedIn || onCall ? <InteractionPanel /> : null}
        <AuxPanel />
      </div>
      <HelpDialog />
    </div>
  );
}
