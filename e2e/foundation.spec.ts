import { CredentialsPage } from './pages/credentials-page';
import { DispatchPage } from './pages/dispatch-page';
import { Shell } from './pages/shell';
import { expect, snapshot, test } from './support/fixtures';

const TOKEN = 'EAAGm0PX4ZCpsBAKZCe2eTestTokenForRecadoE2E0123456789WXYZ';
const APP_SECRET = '0123456789abcdef0123456789abcdef';

test('the shell opens in pt-BR with every screen of the wireframe in the menu', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  for (const [screen, label] of [
    ['status', 'Status da conexão'],
    ['credentials', 'Credenciais da API'],
    ['events', 'Eventos de notificação'],
    ['templates', 'Modelos de mensagem'],
    ['dispatch', 'Envio e anti-bloqueio'],
    ['webhook', 'Webhook'],
    ['tracking', 'URLs de rastreio'],
    ['log', 'Registro de mensagens'],
    ['blacklist', 'Lista de bloqueio'],
    ['tools', 'Ferramentas'],
  ] as const) {
    await expect(shell.nav(screen)).toHaveText(label);
  }
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');
  await snapshot(page, 'shell-pt-BR');
});

test('API credentials validate, save, survive a restart and never come back in clear', async ({ page, app }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
  });
  const shell = new Shell(page);
  const credentials = new CredentialsPage(page);
  await shell.open(app.host.url);
  await shell.goTo('credentials');

  await credentials.fill({
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    phoneNumberId: '995578186971989',
    appId: '123456789012345',
    businessAccountId: '102290129340398',
    apiVersion: '23',
  });
  await credentials.save();
  await expect(page.getByText('Use o formato v23.0 (letra v, número, ponto, número).')).toBeVisible();
  await snapshot(page, 'credentials-validation-error');

  // A version Meta stopped serving (v20.0 ended on 2026-09-24) is refused by the core, at the field.
  await credentials.fill({ apiVersion: 'v20.0' });
  await credentials.save();
  await expect(page.getByText('A Meta deixou de atender a versão v20.0 em 24/09/2026. Use a v27.0, a mais nova testada com o Recado.')).toBeVisible();

  await credentials.fill({ apiVersion: 'v23.0' });
  await credentials.save();
  await expect(page.getByText('Alterações salvas')).toBeVisible();
  await expect(credentials.secretStatus('accessToken')).toHaveText('Salvo: ••••WXYZ');

  const restarted = await app.restartHost();
  await shell.open(restarted.url);
  await shell.goTo('credentials');
  await expect(credentials.field('phoneNumberId')).toHaveValue('995578186971989');
  await expect(credentials.field('apiVersion')).toHaveValue('v23.0');
  await expect(credentials.field('accessToken')).toHaveValue('');
  await expect(credentials.secretStatus('accessToken')).toHaveText('Salvo: ••••WXYZ');
  await expect(credentials.secretStatus('appSecret')).toHaveText('Salvo: ••••cdef');
  await snapshot(page, 'credentials-saved');

  const seen = bodies.join('\n');
  expect(seen).toContain('WXYZ');
  expect(seen).not.toContain(TOKEN);
  expect(seen).not.toContain(APP_SECRET);
});

test('dispatch settings enforce their ranges in the form and persist', async ({ page, app }) => {
  const shell = new Shell(page);
  const dispatch = new DispatchPage(page);
  await shell.open(app.host.url);
  await shell.goTo('dispatch');
  await expect(dispatch.field('pollingIntervalSeconds')).toHaveValue('300');

  await dispatch.set('pollingIntervalSeconds', '30');
  await dispatch.set('minDelaySeconds', '40');
  await dispatch.set('maxDelaySeconds', '10');
  await dispatch.save();
  await expect(page.getByText('Use um valor entre 60 e 3.600.')).toBeVisible();
  await expect(page.getByText('O atraso máximo não pode ser menor que o mínimo.')).toBeVisible();
  await snapshot(page, 'dispatch-validation-errors');

  await dispatch.set('pollingIntervalSeconds', '600');
  await dispatch.set('maxDelaySeconds', '45');
  await dispatch.masterSwitch().click();
  await expect(page.getByText('Pausado — nenhuma mensagem será enviada; a fila é mantida')).toBeVisible();
  await dispatch.save();
  await expect(page.getByText('Alterações salvas')).toBeVisible();

  const restarted = await app.restartHost();
  await shell.open(restarted.url);
  await shell.goTo('dispatch');
  await expect(dispatch.field('pollingIntervalSeconds')).toHaveValue('600');
  await expect(dispatch.field('maxDelaySeconds')).toHaveValue('45');
  await expect(dispatch.masterSwitch()).not.toBeChecked();
});

test('the language switches to English and back, and is remembered', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await shell.chooseLanguage('English');
  await expect(shell.nav('credentials')).toHaveText('API credentials');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await snapshot(page, 'shell-en');

  await page.reload();
  await expect(shell.nav('credentials')).toHaveText('API credentials');

  await shell.chooseLanguage('Português (Brasil)');
  await expect(shell.nav('credentials')).toHaveText('Credenciais da API');
});

test('the API refuses calls without the access token', async ({ request, app }) => {
  const response = await request.post(`${app.host.origin}/api/credentials.get`, { data: {} });
  expect(response.status()).toBe(401);
  const withToken = await request.post(`${app.host.origin}/api/credentials.get`, {
    data: {},
    headers: { authorization: `Bearer ${app.host.token}` },
  });
  expect(withToken.status()).toBe(200);
});
