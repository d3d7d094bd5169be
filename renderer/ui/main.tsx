// Must stay first: configures zod before the contract's schemas are built.
import './app/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import { resolveLanguage, type Language } from '../../common/contract/languages';
import { AppRoot } from './app/app-root';
import { createUnavailableBridge, readUiBridge } from './app/bridge';
import { createI18n } from './app/i18n';
import { createRendererLogger } from './app/logger';
import { createAppStore } from './app/store';
import { ErrorBoundary } from './components/error-boundary';
import { mirrorStarted } from './features/mirror/intents';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';

const found = readUiBridge();
const bridge = found ?? createUnavailableBridge();
const logger = createRendererLogger(bridge);
if (!found) logger.error('window.switchboard is missing; the preload did not run');

// Until main's first snapshot says otherwise, guess from the OS languages.
const i18n = createI18n(resolveLanguage('system', navigator.languages));
const applyLanguage = (language: Language) => {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
};
applyLanguage(i18n.language as Language);

const store = createAppStore(bridge, { logger, applyLanguage });

window.addEventListener('error', (event) => logger.error('uncaught error', { message: event.message }));
window.addEventListener('unhandledrejection', (event) => logger.error('unhandled rejection', event.reason));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary logger={logger}>
          <Provider store={store}>
            <AppRoot />
          </Provider>
        </ErrorBoundary>
      </I18nextProvider>
    </StrictMode>,
  );
}
store.dispatch(mirrorStarted());
