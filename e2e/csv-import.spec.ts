import { CsvImportPage } from './pages/csv-import-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { expect, snapshot, test } from './support/fixtures';

const HEADER = 'Pedido;Cliente;Telefone;Total';

test('a repeated order number is flagged before importing; the choice changes the counts; the result matches the check', async ({ page, app }) => {
  const shell = new Shell(page);
  const csv = new CsvImportPage(page);
  await shell.open(app.host.url);
  await csv.open();
  const file = [
    HEADER,
    '7001;Ana Lima;(11) 98765-4321;10,00', // line 2
    '7002;Bruno Reis;(11) 98765-4322;20,00', // line 3
    '7001;Ana Lima Souza;(11) 98765-4321;15,00', // line 4: same number, other data
    '7003;Carla Dias;123;30,00', // line 5: bad phone
    '7004;Davi Melo;(11) 98765-4324;-5,00', // line 6: negative
  ].join('\r\n');
  await csv.pick('pedidos.csv', file);
  await expect(page.getByTestId('csv-file-name')).toContainText('5 linhas de pedido');
  await csv.check();

  // Before anything is written: the repeated number is flagged and, by default, neither line is used.
  await expect(csv.checkReport()).toContainText('Conferência: nada foi gravado ainda');
  await expect(csv.checkReport()).toContainText('As 5 linhas do arquivo');
  await expect(csv.duplicates()).toContainText('7001');
  await expect(csv.duplicates()).toContainText('2, 4');
  await expect(csv.duplicates()).toContainText('Nenhuma é importada');
  await expect(page.getByTestId('dup-skip')).toBeChecked();
  await expect(csv.count('create')).toHaveText('1');
  await expect(csv.count('duplicates')).toHaveText('2');
  await expect(csv.count('refused')).toHaveText('2');
  await expect(csv.importButton()).toHaveText('Importar 1 pedido');
  // Each refused line: its line, the column as in the file, the reason in words.
  await expect(csv.refused()).toContainText('5');
  await expect(csv.refused()).toContainText('Telefone');
  await expect(csv.refused()).toContainText('Telefone curto demais');
  await expect(csv.refused()).toContainText('Valor negativo');

  await csv.chooseForDuplicates('last');
  await expect(csv.duplicates()).toContainText('Usa a linha 4');
  await expect(csv.count('create')).toHaveText('2');
  await expect(csv.count('duplicates')).toHaveText('1');
  await expect(csv.count('refused')).toHaveText('2');
  await expect(csv.importButton()).toHaveText('Importar 2 pedidos');
  const checked = await csv.counts().innerText();
  await snapshot(page, 'csv-duplicates');

  await csv.import();
  await expect(csv.result()).toContainText('Importação concluída');
  expect(await csv.counts('result').innerText()).toBe(checked);
  await expect(page.getByText('2 pedidos criados, nenhum atualizado, 2 linhas recusadas')).toBeVisible();
  await expect(csv.refused()).toContainText('Valor negativo');
  await snapshot(page, 'csv-result');

  const orders = new OrdersPage(page);
  await orders.tab('book');
  await expect(orders.rows()).toHaveCount(2);
  await expect(page.getByTestId('orders-table')).toContainText('Ana Lima Souza');
  await expect(page.getByTestId('orders-table')).toContainText('R$ 15,00');

  // The same file again: the imported orders are recognised and nothing changes.
  await orders.tab('import');
  await csv.pick('pedidos.csv', file);
  await csv.check();
  await csv.chooseForDuplicates('last');
  await expect(csv.count('unchanged')).toHaveText('2');
  await expect(page.getByTestId('csv-existing')).toContainText('Sem mudança: ignorado');
  await expect(csv.importButton()).toHaveText('Nada a importar');
  await expect(csv.importButton()).toBeDisabled();
});

test('problems with the whole file are said in words, with the line or the columns', async ({ page, app }) => {
  const shell = new Shell(page);
  const csv = new CsvImportPage(page);
  await shell.open(app.host.url);
  await csv.open();

  await csv.pick('vazio.csv', '');
  await expect(csv.error()).toContainText('O arquivo está vazio');
  await expect(csv.error()).not.toContainText('Veja as mensagens');

  await csv.pick('aspas.csv', [HEADER, '1;Ana;"(11) 98765-4321\n";10', '2;"Bia;(11) 98765-4322;10', '3;Caio;(11) 98765-4323;10'].join('\n'));
  await expect(csv.error()).toContainText('Aspas sem fechamento na linha 4');

  await csv.pick('planilha.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  await expect(csv.error()).toContainText('arquivo do Excel');

  await csv.pick('colunas.csv', ['Código;Comprador;Fone', '1;Ana;(11) 98765-4321'].join('\n'));
  await expect(csv.missingColumns()).toContainText('“Nº do pedido”');
  await expect(csv.missingColumns()).toContainText('Código, Comprador, Fone');
  await csv.check();
  await expect(csv.error()).toContainText('Escolha qual coluna tem “Nº do pedido”');
  await expect(page.getByText('Escolha qual coluna tem “Nº do pedido”').nth(1)).toBeVisible();
  await expect(csv.error()).not.toContainText('Veja as mensagens');
  await snapshot(page, 'csv-missing-columns');
});
