// First: the components' stylesheets become empty modules under jest.
import './css-stubs';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import type { AgentSessionView } from '../../../../common/contract/agent-session';
import type { Language } from '../../../../common/contract/languages';
import type { AppState } from '../../../../common/contract/snapshot';
import { createI18n } from '../../../../renderer/ui/app/i18n';
import { createAppStore } from '../../../../renderer/ui/app/store';
import { snapshotReceived } from '../../../../renderer/ui/features/mirror/slice';
import { createFakeBridge, makeSnapshot } from './fake-bridge';
import { withSession } from './session-fixtures';

/**
 * Components rendered to static HTML (the renderer tests have no DOM): a
 * store holding a mirrored session, the markup in a language, and readers
 * for test ids and attributes.
 */
export type Store = ReturnType<typeof createAppStore>;

export function storeFor(session: AgentSessionView, overrides: Partial<AppState> = {}): Store {
  const snapshot = makeSnapshot(1, { ...withSession(session), ...overrides });
  const store = createAppStore(createFakeBridge(snapshot).bridge);
  store.dispatch(snapshotReceived(snapshot));
  return store;
}

export function render(element: ReactElement, store: Store, language: Language = 'en'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <Provider store={store}>{element}</Provider>
    </I18nextProvider>,
  );
}

/** The opening tag of the element with this test id, or null. */
export function tag(html: string, testId: string): string | null {
  return new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? null;
}
export const attr = (tagText: string | null, name: string) => (tagText ? (new RegExp(` ${name}="([^"]*)"`).exec(tagText)?.[1] ?? null) : null);
export const decode = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
