import { useEffect } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { helpOpened } from './slice';

/** True for the help shortcut of the seed's desktop: Alt+F1. */
export function isHelpShortcut(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean {
  return event.key === 'F1' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/** Opens help on Alt+F1 from anywhere in the window. */
export function useHelpShortcut(): void {
  const dispatch = useAppDispatch();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHelpShortcut(event)) return;
      event.preventDefault();
      dispatch(helpOpened());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dispatch]);
}
