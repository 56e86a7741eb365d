import { Badge, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/format';
import { ConnectionsPanel } from './ConnectionsPanel';
import { CsvImportPanel } from './CsvImportPanel';
import { OrderBook } from './OrderBook';
import { RefusedOrdersPanel, useRefusedCount } from './RefusedOrdersPanel';
import { ScreenPage } from '../../app/ScreenPage';

export function OrdersScreen() {
  const { t, i18n } = useTranslation();
  const refused = useRefusedCount();
  return (
    <ScreenPage title={t('orders.title')} subtitle={t('orders.subtitle')}>
      <Tabs defaultValue="book" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="book" data-testid="tab-book">
            {t('orders.tabs.book')}
          </Tabs.Tab>
          <Tabs.Tab value="import" data-testid="tab-import">
            {t('orders.tabs.import')}
          </Tabs.Tab>
          <Tabs.Tab value="connections" data-testid="tab-connections">
            {t('orders.tabs.connections')}
          </Tabs.Tab>
          <Tabs.Tab
            value="refused"
            data-testid="tab-refused"
            rightSection={
              refused > 0 ? (
                <Badge color="orange" size="sm" circle={refused < 10} data-testid="refused-count">
                  {formatNumber(refused, i18n.language)}
                </Badge>
              ) : null
            }
          >
            {t('orders.refused.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="book" pt="md">
          <OrderBook />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <CsvImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="connections" pt="md">
          <ConnectionsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="refused" pt="md">
          <RefusedOrdersPanel />
        </Tabs.Panel>
      </Tabs>
    </ScreenPage>
  );
}
