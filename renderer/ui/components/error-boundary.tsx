import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import type { Logger } from '../../../common/log/logger';

interface Props {
  logger: Logger;
  children: ReactNode;
}

/**
 * Last line of defence for a render error: log it to main and offer a
 * reload. Calls live in main, so reloading the window loses nothing.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.logger.error('render failed', { error, componentStack: info.componentStack?.slice(0, 500) });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="crash" role="alert">
            <h1 className="crash__title">{t('app.crashed.title')}</h1>
            <p>{t('app.crashed.body')}</p>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              {t('app.crashed.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
