import { CredentialsPage } from './pages/credentials-page';
import { Shell } from './pages/shell';
import { StatusPage } from './pages/status-page';
import { expect, snapshot, test } from './support/fixtures';

test('status: a new install in Sandbox mode shows the demo number connected, masked, with a Sandbox badge', async ({ page, app }) => {
  const shell = new Shell(page);
  const status = new StatusPage(page);
  await shell.open(app.host.url);
  await expect(status.sandboxBadge()).toBeVisible();
  await expect(page.getByTestId('header-sandbox-badge')).toBeVisible();
  await expect(status.card('api')).toContainText('Conectado');
  await expect(status.card('api')).toContainText('Graph API v27.0');
  await expect(status.card('phone')).toContainText('•');
  await expect(status.card('phone')).toContainText('ID: ');
  await expect(status.card('today')).toContainText('Entregues: 0 · Lidas: 0');
  await expect(status.card('queue')).toContainText('0 pendentes');
  await expect(status.card('tunnel')).toContainText('No Sandbox');
  await expect(page.getByTestId('last-checked')).toContainText('Verificado');
  await expect(status.card('cost')).toContainText('Nenhuma mensagem cobrável neste mês.');
  await snapshot(page, 'status-sandbox');

  await status.card('cost').getByRole('button', { name: 'Editar valores' }).click();
  // Meta's Brazil list rates in dollars, per country, and the owner's own dollar rate (optional).
  await expect(page.getByTestId('rates-BR').getByLabel('Marketing')).toHaveValue('US$ 0,0625');
  await page.getByTestId('rates-BR').getByLabel('Utilidade').fill('US$ 0,0075');
  await page.getByLabel('Cotação do dólar (R$ por US$ 1)').fill('0');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Use uma cotação maior que zero (até 1.000), ou deixe em branco.')).toBeVisible();
  await page.getByLabel('Cotação do dólar (R$ por US$ 1)').fill('5,40');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Alterações salvas')).toBeVisible();
});

test('credentials: "Test connection" tells the token is permanent', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await shell.goTo('credentials');
  await new CredentialsPage(page).field('apiVersion').waitFor();
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('test-result')).toContainText('Conectado à Meta');
  await expect(page.getByTestId('test-result')).toContainText('Token permanente (Usuário do Sistema): não expira.');
  await snapshot(page, 'credentials-test-connection');
});

test('credentials: in Sandbox, "Testar conexão" checks the form first, and says it tested the simulated Meta', async ({ page, app }) => {
  const shell = new Shell(page);
  const credentials = new CredentialsPage(page);
  await shell.open(app.host.url);
  await shell.goTo('credentials');
  await credentials.field('apiVersion').waitFor();
  await credentials.fill({ accessToken: 'a b', appSecret: 'x', phoneNumberId: 'abc', appId: '12', businessAccountId: 'waba', apiVersion: '23' });
  await page.getByTestId('test-connection').click();
  // Every mistake under its field, and no "connected" for a form full of them.
  await expect(page.getByTestId('test-failure')).toHaveText('Corrija os campos marcados antes de testar.');
  await expect(page.getByText('Use só os números do ID, como aparecem na Meta (ex.: 995578186971989).')).toHaveCount(3);
  await expect(page.getByText('Use o formato v23.0 (letra v, número, ponto, número).')).toBeVisible();
  await expect(page.getByTestId('test-result')).toHaveCount(0);
  await snapshot(page, 'credentials-test-invalid-fields');

  await credentials.fill({ accessToken: '', appSecret: '', phoneNumberId: '', appId: '', businessAccountId: '', apiVersion: 'v23.0' });
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('test-connected')).toContainText('Conectado à Meta simulada (modo Sandbox)');
  await expect(page.getByTestId('test-connected')).toContainText('não a Meta de verdade');
  await expect(page.getByTestId('test-failure')).toHaveCount(0);
});

test('status: a damaged settings file shows a dismissible notice saying the app started on defaults', async ({ page, app }) => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  writeFileSync(join(app.dataDir, 'settings.json'), '{"dispatch": {"pollingIntervalSeconds": 12, "minDel');
  const host = await app.restartHost();
  const shell = new Shell(page);
  await shell.open(host.url);
  const notice = page.getByTestId('startup-notice-settings_damaged');
  await expect(notice).toContainText('O arquivo de configurações estava danificado; o Recado começou com as configurações padrão.');
  await expect(notice).toContainText('settings.damaged-');
  await snapshot(page, 'status-settings-damaged');
  await notice.getByRole('button', { name: 'Dispensar aviso' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(new StatusPage(page).card('api')).toBeVisible();
  await expect(notice).toHaveCount(0);
});
