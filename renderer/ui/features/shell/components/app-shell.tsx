import { EngineAlert } from '../../engine/components/engine-alert';
import { HelpDialog } from '../../help/components/help-dialog';
import { useHelpShortcut } from '../../help/use-help-shortcut';
import { NoticeBanner } from '../../notices/components/notice-banner';
import { AuxPanel } from './aux-panel';
import { ContactList } from './contact-list';
import { InteractionPanel } from './interaction-panel';
import { NavBar } from './nav-bar';
import { TitleBar } from './title-bar';

/**
 * The agent desktop (seed ch. 1–2): title bar on top; navigation bar,
 * active contacts, interaction panel and auxiliary panel side by side.
 */
export function AppShell() {
  useHelpShortcut();
  return (
    <div className="shell">
      <TitleBar />
      <EngineAlert />
      <NoticeBanner />
      <div className="shell__body">
        <NavBar />
        <ContactList />
        <InteractionPanel />
        <AuxPanel />
      </div>
      <HelpDialog />
    </div>
  );
}
