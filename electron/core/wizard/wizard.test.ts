import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';

const dirs: ReturnType<typeof makeTempDir>[] = [];
const cores: ReturnType<typeof openTempCore>[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.core.close();
  for (const d of dirs.splice(0)) d.remove();
});

function open(dir = makeTempDir()) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const opened = openTempCore(dir.dir);
  cores.push(opened);
  return { dir, ...opened };
}

const call = <N extends MethodName>(opened: ReturnType<typeof open>, method: N, input: InputOf<N>): Promise<OutputOf<N>> => opened.core.client.call(method, input);

describe('first-run wizard state', () => {
  it('shows on a fresh data folder, stays hidden after skipping (also after a restart), and comes back when reopened', async () => {
    const first = open();
    expect(await call(first, 'wizard.status', {})).toEqual({ show: true, outcome: null });
    const events: unknown[] = [];
    first.core.subscribe((event) => events.push(event));
    expect(await call(first, 'wizard.finish', { outcome: 'skipped' })).toEqual({ show: false, outcome: 'skipped' });
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);

    const again = open(first.dir);
    expect(await call(again, 'wizard.status', {})).toEqual({ show: false, outcome: 'skipped' });
    expect(await call(again, 'wizard.reopen', {})).toEqual({ show: true, outcome: null });
    expect(events.length).toBeGreaterThan(0);
  });

  it('does not show for an install that already has credentials', async () => {
    const opened = open();
    opened.secrets.set('accessToken', 'EAAExistingInstallToken000000000000');
    expect(await call(opened, 'wizard.status', {})).toEqual({ show: false, outcome: null });
  });
});
