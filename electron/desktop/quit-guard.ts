import { closeWithin } from '../core/platform/graceful-close';

/** The part of Electron's `before-quit` event the guard uses. */
export interface QuitEvent {
  preventDefault(): void;
}

/**
 * Quitting waits for the core to close (a send in flight finishes and is recorded) for at most
 * `timeoutMs`; past that the send is left for the next start's reconciliation (its row stays
 * `sending` and becomes `unconfirmed`, never resent blindly). The first `before-quit` is held back
 * while closing; `quit()` is called again once done, and that one passes.
 */
export function createQuitGuard(options: {
  close(): Promise<void>;
  timeoutMs: number;
  quit(): void;
  onClosed(outcome: 'closed' | 'timed_out'): void;
}): (event: QuitEvent) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void closeWithin(options.close, options.timeoutMs).then((outcome) => {
      state = 'closed';
      options.onClosed(outcome);
      options.quit();
    });
  };
}
