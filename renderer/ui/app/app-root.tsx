import { useAppSelector } from './hooks';
import { selectRev } from '../features/mirror/selectors';
import { AppShell } from '../features/shell/components/app-shell';
import { LoadingScreen } from '../features/shell/components/loading-screen';

/**
 * Root element. `data-testid="app-ready"` and `data-rev` appear once a
 * snapshot is applied, so end-to-end tests wait on state, never on sleeps.
 */
export function AppRoot() {
  const rev = useAppSelector(selectRev);
  const ready = rev !== null;
  return (
    <div className="app" data-testid={ready ? 'app-ready' : 'app-loading'} data-rev={ready ? rev : undefined}>
      {ready ? <AppShell /> : <LoadingScreen />}
    </div>
  );
}
