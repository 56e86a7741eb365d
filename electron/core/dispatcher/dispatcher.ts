import { setImmediate as nextTurn } from 'node:timers/promises';
import { dispatchPauseSchema, type DispatchPause, type DispatchState } from '../../../shared/contract/methods/dispatch';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import type { CoreContext } from '../core-context';
import { createAppStateRepository } from '../db/app-state-repository';
import { recordPoll } from '../doctor/last-poll';
import type { NotificationRow } from '../db/schema';
import { createNotificationStatusRepository } from '../notifications/notification-status-repository';
import { localOrderSource, syncOrderSource, type OrderSource } from '../orders/order-source';
import { wooSourceFromContext } from '../orders/woocommerce/woo-context';
import { createInboundContactsRepository } from '../webhook/inbound-contacts-repository';
import { enqueueNewEvents } from './enqueue';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { createMarketingHolds } from '../templates/marketing-holds';
import { isDatabaseBusy } from '../db/database-busy';
import { createQueueRepository, PAIR_WINDOW_MS } from '../notifications/queue-repository';
import { sendOne, settingsSnapshot } from './send-one';
import { createThroughputBucket } from './throughput';

const PAUSE_KEY = 'dispatcher.pause';
/** Due rows one pick looks at: enough to find another customer's row when the first are pair-limited. */
const PICK_LOOKAHEAD = 25;

export interface DispatcherOptions {
  /** 0 ≤ r < 1: the anti-ban delays and the backoff jitter. */
  random: () => number;
  /** The order sources polled each interval; default: local book, CSV, WooCommerce when configured. */
  sources?: () => OrderSource[];
}

/** The order sources of a context: the local book and CSV imports always, WooCommerce when configured. */
export function defaultSources(ctx: CoreContext): OrderSource[] {
  const list = [localOrderSource(ctx.db, 'local'), localOrderSource(ctx.db, 'csv')];
  try {
    const woo = wooSourceFromContext(ctx);
    if (woo) list.push(woo.source);
  } catch (error) {
    ctx.logger.warn('WooCommerce source not usable', { error });
  }
  return list;
}

/**
 * The loop that turns order events into WhatsApp messages (README.md in this folder). Every
 * polling interval (and on `sendNow`): poll the sources, enqueue new ledger events, then send up
 * to max-per-batch, a uniform random delay in [min, max] s between two requests. All waiting goes
 * through the injected clock.
 */
export function createDispatcher(ctx: CoreContext, options: DispatcherOptions) {
  const { clock, logger, settings } = ctx;
  const queue = createQueueRepository(ctx.db);
  const blacklist = createBlacklistRepository(ctx.db);
  const contacts = createInboundContactsRepository(ctx.db);
  const statuses = createNotificationStatusRepository(ctx.db);
  const appState = createAppStateRepository(ctx.db, ctx.logger);
  const holds = createMarketingHolds(ctx);
  const sources = options.sources ?? (() => defaultSources(ctx));

  let started = false;
  let stopped = false;
  let busy = false;
  let rerun: boolean | null = null;
  let timer: { cancel(): void } | null = null;
  let wake: { cancel(): void } | null = null;
  let nextWakeAt: number | null = null;
  let lastPollAt = Number.NEGATIVE_INFINITY;
  let lastRunAt: number | null = null;
  let holdUntil = 0;
  /** Start-up's `sending` → `unconfirmed` has run (the first run does it, before any send). */
  let interruptedRecovered = false;
  const outage = { streak: 0 };
  let pause: DispatchPause | null = appState.get(PAUSE_KEY, dispatchPauseSchema.nullable()) ?? null;
  let current: Promise<void> = Promise.resolve();
  // Work in progress that is not parked on the clock (tests advance time only when it is 0).
  let working = 0;
  let settledWaiters: (() => void)[] = [];

  const setWorking = (delta: number) => {
    working += delta;
    if (working === 0) {
      const waiters = settledWaiters;
      settledWaiters = [];
      for (const w of waiters) w();
    }
  };

  const canSend = (enabled = settings.dispatch.get().enabled) => started && !stopped && pause === null && enabled;

  let failure: DispatchState['failure'] = null;

  function state(): DispatchState {
    const enabled = settings.dispatch.get().enabled;
    const s = !started || stopped ? 'stopped' : pause ? 'paused' : !enabled ? 'disabled' : 'running';
    const oldestQueuedAt = queue.oldestPendingAt();
    return {
      state: s,
      enabled,
      pause,
      queueSize: queue.pendingCount(),
      oldestQueuedAt,
      oldestQueuedAgeMs: oldestQueuedAt === null ? null : Math.max(0, clock.now() - oldestQueuedAt),
      nextDispatchAt: s === 'running' ? nextWakeAt : null,
      busy,
      lastRunAt,
      failure,
    };
  }

  const emitState = () => ctx.events.emit('dispatch.stateChanged', state());

  function setPause(next: Omit<DispatchPause, 'at'> | null) {
    pause = next ? { ...next, at: clock.now() } : null;
    try {
      appState.set(PAUSE_KEY, pause, clock.now());
    } catch (error) {
      // The database itself may be what failed (read-only, disk full): the pause still holds in
      // memory and is still shown and announced; only a restart would forget it.
      logger.error('dispatcher pause could not be stored', { error });
    }
    if (pause && pause.kind !== 'user') {
      logger.warn('dispatcher paused', { reason: pause.reason, code: pause.code });
      ctx.events.emit('notify.desktop', {
        titleKey: 'notify.dispatchPaused.title',
        bodyKey: `notify.dispatchPaused.${pause.reason}`,
        params: { code: pause.code ?? '', message: pause.message ?? '' },
      });
    }
    emitState();
  }

  /** Waits on the injected clock; `stop()` cuts it short. */
  function sleep(ms: number): Promise<void> {
    nextWakeAt = clock.now() + ms;
    emitState();
    setWorking(-1);
    return new Promise<void>((resolve) => {
      const t = clock.setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = {
        cancel() {
          t.cancel();
          resolve();
        },
      };
    }).finally(() => setWorking(1));
  }

  function randomDelayMs(): number {
    const { minDelaySeconds, maxDelaySeconds } = settings.dispatch.get();
    return Math.round(minDelaySeconds * 1000 + options.random() * (maxDelaySeconds - minDelaySeconds) * 1000);
  }

  /**
   * The first due row whose number is outside the pair window, or when the earliest one will be.
   * Rows of a `held` event (its template became MARKETING) are not picked: they stay queued.
   */
  function pick(now: number, held: ReadonlySet<OrderEvent>): { row: NotificationRow } | { waitUntil: number } | null {
    let earliest: number | null = null;
    // Reads at most PICK_LOOKAHEAD rows per sendable event through the due indexes, however long the queue is.
    for (const row of queue.dueExcept(now, PICK_LOOKAHEAD, held)) {
      const last = queue.lastAttemptTo(row.phone);
      if (last === null || now - last >= PAIR_WINDOW_MS) return { row };
      earliest = Math.min(earliest ?? Infinity, last + PAIR_WINDOW_MS);
    }
    return earliest === null ? null : { waitUntil: earliest };
  }

  async function poll(now: number) {
    const { lookbackDays } = settings.dispatch.get();
    for (const source of sources()) {
      try {
        const result = await syncOrderSource(ctx.db, source, { now, lookbackDays, events: ctx.events });
        if (result.refused.length > 0) logger.warn('order source poll: orders refused', { source: source.kind, refused: result.refused.length });
        recordPoll(ctx.db, source.kind, { ok: true, at: now, error: null }, logger);
      } catch (error) {
        logger.warn('order source poll failed', { source: source.kind, error });
        recordPoll(ctx.db, source.kind, { ok: false, at: now, error: error instanceof Error ? error.message : String(error) }, logger);
      }
    }
  }

  const enqueue = () => {
    const { lookbackDays } = settings.dispatch.get();
    return enqueueNewEvents({ db: ctx.db, queue, blacklist, toggles: settings.events.get(), lookbackDays }, clock.now());
  };

  async function sendBatch() {
    const { maxPerBatch } = settings.dispatch.get();
    let requests = 0;
    let delayed = false;
    const throughput = createThroughputBucket(clock.now());
    for (;;) {
      // One row per turn of the event loop: a backlog of rows that are skipped at once (no request,
      // so nothing awaited) must not hold the web host's requests for seconds.
      await nextTurn();
      const snapshot = settingsSnapshot(ctx);
      if (requests >= maxPerBatch || !canSend(snapshot.dispatch.enabled) || clock.now() < holdUntil) break;
      const picked = pick(clock.now(), holds.heldEvents(snapshot.templates));
      if (!picked) break;
      if (requests > 0 && !delayed) {
        // The anti-ban delay between two requests; then pick again (things changed meanwhile).
        await sleep(Math.max(randomDelayMs(), throughput.waitMs(clock.now())));
        delayed = true;
        continue;
      }
      if ('waitUntil' in picked) {
        await sleep(Math.max(1, picked.waitUntil - clock.now()));
        continue;
      }
      throughput.take(clock.now());
      const outcome = await sendOne({ ctx, random: options.random, queue, blacklist, contacts, statuses, pause: setPause, outage }, picked.row, snapshot);
      if (outcome.kind === 'skipped') continue;
      requests++;
      delayed = false;
      if (outcome.kind === 'stop') {
        if (outcome.holdUntil) holdUntil = outcome.holdUntil;
        break;
      }
    }
  }

  function scheduleNext() {
    timer?.cancel();
    const now = clock.now();
    const { pollingIntervalSeconds } = settings.dispatch.get();
    let at = lastPollAt + pollingIntervalSeconds * 1000;
    if (canSend()) {
      const retryAt = queue.nextRetryAt(now);
      if (retryAt !== null) at = Math.min(at, Math.max(retryAt, holdUntil));
    }
    at = Math.max(at, now);
    nextWakeAt = at;
    timer = clock.setTimeout(() => void trigger(false), at - now);
  }

  async function run(forcePoll: boolean) {
    busy = true;
    setWorking(1);
    timer?.cancel();
    emitState();
    try {
      if (!interruptedRecovered) {
        // In the run, not in start(): a database locked at start-up is retried by the next run.
        const recovered = queue.recoverInterrupted(clock.now());
        interruptedRecovered = true;
        if (recovered > 0) logger.warn('notifications interrupted while sending are now unconfirmed', { count: recovered });
      }
      const now = clock.now();
      const { pollingIntervalSeconds } = settings.dispatch.get();
      if (forcePoll || now >= lastPollAt + pollingIntervalSeconds * 1000) {
        lastPollAt = now;
        await poll(now);
      }
      const added = enqueue();
      logger.debug('dispatcher run', { polledMs: clock.now() - now, added });
      if (canSend()) await sendBatch();
      failure = null;
    } catch (error) {
      // Not one notification's fault (those fail alone in send-one): the database or the settings.
      // A database another program holds locked is let go: nothing was lost, the next run
      // retries. Anything else pauses with the reason instead of showing "running" while every
      // run fails the same way.
      if (isDatabaseBusy(error)) logger.warn('dispatcher run: the database is locked by another program; retrying at the next run', { error });
      else {
        logger.error('dispatcher run failed', { error });
        setPause({ kind: 'error', reason: 'run_failed', code: null, message: error instanceof Error ? error.message : String(error) });
      }
      // Shown by the tray ("needs attention") until a run succeeds again.
      failure = { at: clock.now(), message: error instanceof Error ? error.message : String(error) };
    } finally {
      busy = false;
      lastRunAt = clock.now();
      if (!stopped) scheduleNext();
      setWorking(-1);
      emitState();
    }
  }

  /** Runs now, or right after the run in progress. */
  function trigger(forcePoll: boolean): Promise<void> {
    if (stopped || !started) return Promise.resolve();
    if (busy) {
      rerun = (rerun ?? false) || forcePoll;
      return current;
    }
    current = run(forcePoll).then(() => {
      if (rerun !== null && !stopped) {
        const force = rerun;
        rerun = null;
        return trigger(force);
      }
    });
    return current;
  }

  const onSettingsChanged = ctx.events.subscribe((name) => {
    if (name !== 'settings.dispatchChanged' && name !== 'settings.eventsChanged') return;
    if (started && !stopped && !busy) scheduleNext();
    if (started && !stopped) emitState();
  });

  return {
    /** Start-up: the first run turns `sending` rows `unconfirmed` (never resent) before anything else. */
    start(): void {
      if (started) return;
      started = true;
      void trigger(true);
    },

    async stop(): Promise<void> {
      stopped = true;
      onSettingsChanged();
      timer?.cancel();
      wake?.cancel();
      await current.catch(() => undefined);
    },

    state,
    sendNow(): Promise<void> {
      return trigger(true);
    },
    pause(): DispatchState {
      setPause({ kind: 'user', reason: 'user', code: null, message: null });
      wake?.cancel();
      return state();
    },
    resume(): Promise<void> {
      holdUntil = 0;
      setPause(null);
      return trigger(true);
    },
    /**
     * Turns order events recorded since the last run into notification rows now (what the next run
     * would do first; nothing is sent), so every screen counts them as pending at once. Called by
     * the read methods of Status, the queue and the log. A failure is left to the next run.
     */
    catchUp(): void {
      if (stopped) return;
      try {
        if (enqueue() > 0) emitState();
      } catch (error) {
        logger.warn('queue catch-up failed; the next run will retry', { error });
      }
    },

    /** Wakes the loop when something was queued outside it (a resend). */
    poke(): void {
      if (started && !stopped && !busy) scheduleNextSoon();
      emitState();
    },

    /** Resolves when the loop is parked on the clock or idle (tests drive time only then). */
    settled(): Promise<void> {
      return working === 0 ? Promise.resolve() : new Promise((resolve) => settledWaiters.push(resolve));
    },
    /** Resolves when the run in progress (if any) is over. */
    idle: () => current,
  };

  function scheduleNextSoon() {
    timer?.cancel();
    nextWakeAt = clock.now();
    timer = clock.setTimeout(() => void trigger(false), 0);
  }
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
