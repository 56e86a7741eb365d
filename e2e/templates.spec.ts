import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { TemplatesPage } from './pages/templates-page';
import { expect, snapshot, test } from './support/fixtures';
import { callContract } from './support/contract';
import { sandboxMeta } from './support/sandbox-meta';

test('templates: sync shows Meta\'s statuses in words; map header, body and button parameters; the bubble shows the sample order; saved across a reload', async ({ page, app }) => {
  // At Meta (the Sandbox): a document template with a link button, a named one, and one of each review outcome.
  const meta = await sandboxMeta(app.host);
  await meta.createTemplate({
    name: 'nota_fiscal',
    components: [
      { type: 'HEADER', format: 'DOCUMENT' },
      { type: 'BODY', text: 'Olá {{1}}, segue a nota do pedido #{{2}}.' },
      { type: 'FOOTER', text: 'Loja Demonstração' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Ver pedido', url: 'https://loja.example/pedido/{{1}}' }] },
    ],
  });
  await meta.createTemplate({
    name: 'retirada_loja',
    parameter_format: 'NAMED',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido {{order_number}}' },
      { type: 'BODY', text: 'Oi {{first_name}}, seu pedido já pode ser retirado em {{loja}}. *Traga um documento*.' },
    ],
  });
  await meta.createTemplate({ name: 'aviso_atraso', components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido vai atrasar.' }] });
  await meta.createTemplate({ name: 'oferta_relampago', category: 'MARKETING', components: [{ type: 'BODY', text: 'Só hoje!' }] });
  await meta.review('nota_fiscal', 'APPROVED');
  await meta.review('retirada_loja', 'APPROVED');
  await meta.review('aviso_atraso', 'PENDING');
  await meta.review('oferta_relampago', 'REJECTED');
  await meta.review('pedido_entregue', 'PAUSED');

  const shell = new Shell(page);
  const templates = new TemplatesPage(page);
  await shell.open(app.host.url);
  await shell.goTo('templates');
  await templates.sync();
  await expect(page.getByText('10 modelos recebidos da Meta.')).toBeVisible();
  await expect(templates.templateRow('pedido_confirmado')).toContainText('Aprovado');
  await expect(templates.templateRow('pedido_confirmado')).toContainText('Utilidade');
  await expect(templates.templateRow('aviso_atraso')).toContainText('Em análise');
  await expect(templates.templateRow('oferta_relampago')).toContainText('Rejeitado');
  await expect(templates.templateRow('oferta_relampago')).toContainText('Marketing');
  await expect(templates.templateRow('pedido_entregue')).toContainText('Pausado');

  // "Envio entregue" is on and its template is paused: the tab warns before any send fails.
  await expect(templates.eventTab('shipment_delivered')).toHaveAttribute('data-refused', 'true');
  await templates.openEvent('shipment_delivered');
  await expect(templates.refusedAlert()).toContainText('132015');
  await expect(templates.refusedAlert()).toContainText('foi pausado pela Meta');

  // A named template: rows named after its parameters; the obvious ones start on their field.
  await templates.openEvent('order_processing');
  await templates.chooseTemplate('retirada_loja');
  await expect(templates.param('header', 'order_number')).toBeVisible();
  await expect(templates.param('body', 'first_name')).toBeVisible();
  await templates.bindText('body', 'loja', 'Rua das Flores, 100');
  await expect(page.getByTestId('bubble-header')).toHaveText('Pedido 10247');
  await expect(templates.bubbleBody()).toHaveText('Oi Maria, seu pedido já pode ser retirado em Rua das Flores, 100. Traga um documento.');
  await expect(templates.bubbleBody().locator('strong')).toHaveText('Traga um documento');
  await expect(templates.refusedAlert()).toHaveCount(0);

  // A document header, two body parameters and a link button.
  await templates.openEvent('shipment_created');
  await templates.chooseTemplate('nota_fiscal');
  await expect(templates.param('body', 1)).toBeVisible();
  await expect(templates.param('body', 3)).toHaveCount(0);
  await templates.bindField('body', 2, 'Número do pedido');
  await templates.bindField('button', 0, 'Número do pedido');
  await templates.setHeaderLink('https://loja.example/notas/nota-10247.pdf');
  await expect(templates.bubbleBody()).toHaveText('Olá Maria, segue a nota do pedido #10247.');
  await expect(page.getByTestId('bubble-media')).toContainText('Documento · nota-10247.pdf');
  await expect(page.getByTestId('bubble-footer')).toHaveText('Loja Demonstração');
  await expect(page.getByTestId('bubble-button')).toHaveText('Ver pedido');
  await expect(page.getByTestId('bubble-time')).toHaveText(/^\d\d:\d\d$/);
  await expect(templates.previewOrder()).toHaveText('Com o pedido de exemplo #10247 (Maria Souza)');
  await expect(templates.refusedAlert()).toHaveCount(0);
  await snapshot(page, 'templates');

  await templates.save();
  await expect(page.getByText('Alterações salvas')).toBeVisible();
  await page.reload();
  await shell.goTo('templates');
  await templates.openEvent('shipment_created');
  await expect(templates.templateSelect()).toHaveValue('nota_fiscal');
  await expect(page.getByTestId('param-header-link')).toHaveValue('https://loja.example/notas/nota-10247.pdf');
  await expect(templates.bubbleBody()).toHaveText('Olá Maria, segue a nota do pedido #10247.');
  await templates.openEvent('order_processing');
  await expect(page.getByTestId('param-body-loja-text')).toHaveValue('Rua das Flores, 100');
});

test('templates: a dry run against a real order passes; after the template changes at Meta it shows the 132012 and 132000 Meta would answer, until the mapping is fitted', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  const templates = new TemplatesPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await orders.create({ number: '10300', customer: 'Ana Lima', phone: '(11) 98765-4321', total: '129,90' });
  await expect(page.getByText('Pedido #10300 criado.')).toBeVisible();
  await page.keyboard.press('Escape');

  // A busy shop: 60 newer orders, so #10300 is past the picker's first page and only the core's search finds it.
  for (let i = 0; i < 60; i++) {
    await callContract(app.host, 'orders.create', { number: String(20000 + i), customerName: 'Cliente Balcão', phone: '', totalMinor: 1000 });
  }

  await shell.goTo('templates');
  // Nothing synced yet: the screen fetches Meta's templates by itself on the first visit.
  await expect(templates.templateRow('pedido_confirmado')).toContainText('Aprovado');
  await templates.dryRunWithOrder('10300', '#10300 · Ana Lima');
  await expect(templates.dryRunResult()).toContainText('A Meta aceitaria esta mensagem.');
  await expect(page.getByTestId('dry-run-values')).toContainText('Ana');
  await expect(page.getByTestId('dry-run-values')).toContainText('129,90');
  await expect(templates.previewOrder()).toHaveText('Com o pedido #10300 (Ana Lima)');
  await expect(templates.bubbleBody()).toContainText('Seu pedido #10300 foi confirmado!');

  // The same check from the message log: the confirmation the dispatcher queued for this order.
  await callContract(app.host, 'dispatch.sendNow', {});
  await expect
    .poll(async () => (await callContract(app.host, 'log.query', { filters: { type: 'order_placed', search: '10300' } })).rows.map((r) => r.orderNumber))
    .toContain('10300');
  await templates.dryRunWithLogMessage('10300', '#10300');
  await expect(templates.dryRunResult()).toContainText('A Meta aceitaria esta mensagem.');
  await expect(templates.dryRunResult()).toContainText('conferido com o pedido #10300');

  // At Meta the template is recreated with an image header and a fifth body parameter.
  const meta = await sandboxMeta(app.host);
  await meta.deleteTemplate('pedido_confirmado');
  await meta.createTemplate({
    name: 'pedido_confirmado',
    components: [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Olá {{1}}, pedido #{{2}} confirmado: R$ {{3}}. Envio {{4}}. Retire em {{5}}.' },
    ],
  });
  await meta.review('pedido_confirmado', 'APPROVED');
  await templates.sync();

  await expect(templates.eventTab('order_placed')).toHaveAttribute('data-refused', 'true');
  await expect(page.getByTestId('mapping-mismatch')).toBeVisible();
  await page.getByTestId('dry-run-button').click();
  const result = templates.dryRunResult();
  await expect(result).toContainText('A Meta recusaria esta mensagem');
  await expect(result).toContainText('132012');
  await expect(result).toContainText('Cabeçalho: a Meta espera uma imagem, e a mensagem envia nada.');
  await expect(result).toContainText('132000');
  await expect(result).toContainText('Corpo: o mapeamento envia 4 parâmetro(s), mas o modelo na Meta espera 5.');
  await expect(result).toContainText('A Meta responderia: body: number of localizable_params (4) does not match the expected number of params (5)');
  await snapshot(page, 'templates-dry-run-refused');

  await templates.fitToTemplate();
  await templates.setHeaderLink('https://loja.example/banner.png');
  await templates.bindText('body', 5, 'Loja Centro');
  await expect(templates.refusedAlert()).toHaveCount(0);
  await expect(templates.eventTab('order_placed')).not.toHaveAttribute('data-refused', 'true');
  await page.getByTestId('dry-run-button').click();
  await expect(templates.dryRunResult()).toContainText('A Meta aceitaria esta mensagem.');
  await expect(templates.bubbleBody()).toHaveText('Olá Ana, pedido #10300 confirmado: R$ 129,90. Envio até 2 dias úteis. Retire em Loja Centro.');
});
