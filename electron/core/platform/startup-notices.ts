import type { StartupNotice, StartupNoticeKind } from '../../../shared/contract/methods/app';

/**
 * What went wrong while the app started and the owner must read (a damaged settings or key file
 * the app replaced to start at all). Kept in memory for this run: the damaged copy stays on disk,
 * and the notice was said once the owner dismisses it.
 */
export function createStartupNotices(now: () => number = Date.now) {
  const notices: StartupNotice[] = [];
  return {
    /** Records one notice; the host calls it from `onDamaged`. */
    add(kind: StartupNoticeKind, keptAs: string): void {
      notices.push({ id: `${kind}-${notices.length + 1}`, kind, keptAs, at: now() });
    },
    /** The notices not dismissed yet, oldest first. */
    list: (): StartupNotice[] => notices.map((n) => ({ ...n })),
    /** Forgets one notice (an unknown id is a no-op: another window may have dismissed it). */
    dismiss(id: string): StartupNotice[] {
      const index = notices.findIndex((n) => n.id === id);
      if (index >= 0) notices.splice(index, 1);
      return notices.map((n) => ({ ...n }));
    },
  };
}

export type StartupNotices = ReturnType<typeof createStartupNotices>;
