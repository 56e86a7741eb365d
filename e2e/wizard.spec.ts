import { DEMO } from '../electron/core/sandbox/demo-world';
import type { SandboxHandle } from '../electron/core/sandbox/server';
import { startTestSandbox } from '../electron/core/sandbox/testing/test-world';
import { startLocaltunnelServer, type LocaltunnelTestServer } from '../electron/core/tunnel/testing/localtunnel-server';
import { DoctorPage } from './pages/doctor-page';
import { Shell } from './pages/shell';
import { WizardPage } from './pages/wizard-page';
import { callContract } from './support/contract';
import { expect, snapshot, test } from './support/fixtures';
import { makeDataDir, startWebHost, type RunningHost } from './support/web-host';

const ALL_GREEN = ['credentials', 'phone', 'health', 'subscription', 'callback', 'verification', 'reachability', 'templates', 'apiVersion', 'dispatcher'].map(
  (id) => `${id}:pass`,
);

test.describe.configure({ timeout: 150_000 });

test('wizard, Sandbox path: from a fresh data folder to a delivered test message, then the doctor is all green', async ({ page, app }) => {
  const wizard = new WizardPage(page);
  await page.goto(app.host.url);
  await wizard.waitForStep('choose');
  await expect(wizard.root()).toContainText('Experimentar primeiro');
  await snapshot(page, 'wizard-choose');

  await wizard.choose('sandbox');
  await wizard.waitForStep('test');
  await wizard.sendTestAndWaitDelivered(DEMO.customers.maria.dial);
  await snapshot(page, 'wizard-sandbox-delivered');
  await wizard.click('wizard-test-next');
  await wizard.waitForStep('templates');
  await expect(page.getByTestId('doctor-check-templates')).toHaveAttribute('data-verdict', 'pass');
  await wizard.click('wizard-finish');

  // The shell, and the wizard does not come back after a restart.
  const shell = new Shell(page);
  await page.getByTestId('nav-status').waitFor();
  await expect(page.getByTestId('doctor-summary')).toBeVisible();
  await shell.goTo('doctor');
  const doctor = new DoctorPage(page);
  await doctor.run();
  expect(await doctor.verdicts()).toEqual(ALL_GREEN);
  await expect(doctor.overall()).toHaveAttribute('data-overall', 'pass');
  await snapshot(page, 'doctor-sandbox-green');

  // The same screen with a broken setup: a phone-number override left by another tool.
  const { baseUrl } = await callContract(app.host, 'sandbox.status', {});
  await fetch(`${baseUrl}/_sandbox/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'phone_override' }) });
  await doctor.run();
  await expect(doctor.check('callback')).toHaveAttribute('data-verdict', 'fail');
  await expect(doctor.overall()).toHaveAttribute('data-overall', 'fail');
  await snapshot(page, 'doctor-sandbox-failing');
  await page.getByTestId('doctor-fix-removePhoneOverride').click();
  await page.getByTestId('doctor-confirm-remove').click();
  await expect(doctor.overall()).toHaveAttribute('data-overall', 'pass');

  const restarted = await app.restartHost();
  await page.goto(restarted.url);
  await page.getByTestId('nav-status').waitFor();
  await expect(page.getByTestId('wizard')).toHaveCount(0);
});

test.describe('wizard, Meta path against the Meta Sandbox as if it were Meta', () => {
  let meta: SandboxHandle;
  let lt: LocaltunnelTestServer;
  let host: RunningHost;
  let data: ReturnType<typeof makeDataDir>;

  test.beforeEach(async () => {
    lt = await startLocaltunnelServer({ urlWithPort: true });
    meta = await startTestSandbox({
      resolveHost: (name) => (name.endsWith('.localhost') ? '127.0.0.1' : null),
      timing: { compression: 1000, sentAfterMs: 200_000, deliveredAfterMs: 400_000, readAfterMs: 600_000, deliveryTimeoutMs: 3_000 },
    });
    data = makeDataDir();
    host = await startWebHost(data.dir, { RECADO_TEST_META_BASE_URL: meta.baseUrl, RECADO_TEST_RESOLVE_LOCALHOST: '1' });
    // The tunnel server the app uses (settings are shared by both modes); then Meta's world holds
    // a phone-number override left by another tool.
    const tunnel = await callContract(host, 'tunnel.getSettings', {});
    await callContract(host, 'tunnel.saveSettings', { ...tunnel, localtunnelHost: lt.origin });
    meta.control.scenario({ name: 'phone_override' });
  });

  test.afterEach(async () => {
    await host.stop();
    await meta.close();
    await lt.close();
    data.remove();
  });

  test('catches a wrong token and a phone-number override, fixes the override, delivers the test message; the doctor is all green', async ({ page }) => {
    const wizard = new WizardPage(page);
    await page.goto(host.url);
    await wizard.waitForStep('choose');
    await wizard.choose('meta');

    await wizard.waitForStep('app');
    await wizard.fill('wizard-app-id', DEMO.appId);
    await wizard.fill('wizard-app-secret', DEMO.appSecret);
    await wizard.click('wizard-app-save');

    await wizard.waitForStep('token');
    await wizard.fill('wizard-token', 'EAAWrongTokenPastedFromSomewhereElse0000');
    await wizard.click('wizard-token-test');
    await expect(wizard.stepError()).toContainText('O token não é válido');
    await snapshot(page, 'wizard-meta-wrong-token');
    await wizard.fill('wizard-token', DEMO.accessToken);
    await wizard.click('wizard-token-test');
    await expect(wizard.stepOk()).toContainText('Token permanente');
    await wizard.click('wizard-token-next');

    await wizard.waitForStep('ids');
    await wizard.fill('wizard-phone-id', DEMO.phoneNumberId);
    await wizard.fill('wizard-waba-id', DEMO.wabaId);
    await wizard.click('wizard-ids-test');
    await expect(wizard.stepOk()).toContainText('+55 11 4000-1234');
    await wizard.click('wizard-ids-next');

    await wizard.waitForStep('register');
    await expect(page.getByTestId('wizard-registered')).toBeVisible();
    await wizard.click('wizard-register-next');

    await wizard.waitForStep('webhook');
    await wizard.click('wizard-webhook-apply');

    await wizard.waitForStep('doctor');
    const callback = page.getByTestId('doctor-check-callback');
    await expect(callback).toHaveAttribute('data-verdict', 'fail', { timeout: 30_000 });
    await expect(callback).toContainText('https://old-crm.example.com/whatsapp/webhook');
    await snapshot(page, 'wizard-meta-doctor-override');
    await page.getByTestId('doctor-fix-removePhoneOverride').click();
    await page.getByTestId('doctor-confirm-remove').click();
    await expect(callback).toHaveAttribute('data-verdict', 'pass', { timeout: 30_000 });
    await wizard.click('wizard-doctor-next');

    await wizard.waitForStep('test');
    await wizard.sendTestAndWaitDelivered(DEMO.customers.maria.dial);
    await wizard.click('wizard-test-next');
    await wizard.waitForStep('templates');
    await wizard.click('wizard-finish');

    await page.getByTestId('nav-status').waitFor();
    await new Shell(page).goTo('doctor');
    const doctor = new DoctorPage(page);
    await doctor.run();
    expect(await doctor.verdicts()).toEqual(ALL_GREEN);
    await snapshot(page, 'doctor-meta-green');
    expect(meta.control.info().phones[0]).toBeDefined();
  });
});
