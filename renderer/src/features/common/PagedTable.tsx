import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/format';
import type { LoadState } from '../../transport/api-context';

interface PagedTableProps<T> {
  /** The page the contract answered (`{ rows, total }`), or its loading/error state. */
  state: LoadState<{ rows: T[]; total: number }>;
  page: number;
  onPageChange(page: number): void;
  pageSize: number;
  columns: DataTableColumn<T>[];
  noRecordsText: string;
  testId: string;
  minHeight?: number;
  highlightOnHover?: boolean;
  onRowClick?(record: T): void;
}

/**
 * A list paged by the core: the rows of this page, a spinner while another loads, and "Mostrando
 * 1–25 de 1.234" with the owner's numbers. A failed load is said by the caller, above it.
 */
export function PagedTable<T>({ state, page, onPageChange, pageSize, columns, noRecordsText, testId, minHeight = 200, highlightOnHover, onRowClick }: PagedTableProps<T>) {
  const { t, i18n } = useTranslation();
  const data = state.status === 'ready' ? state.data : null;
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <DataTable<T>
      withTableBorder
      highlightOnHover={highlightOnHover}
      minHeight={minHeight}
      records={data?.rows ?? []}
      fetching={state.status === 'loading'}
      totalRecords={data?.total ?? 0}
      recordsPerPage={pageSize}
      page={page}
      onPageChange={onPageChange}
      paginationText={({ from, to, totalRecords }) => t('log.showing', { count: totalRecords, from: n(from), to: n(to), total: n(totalRecords) })}
      noRecordsText={noRecordsText}
      loadingText={t('common.loading')}
      onRowClick={onRowClick && (({ record }) => onRowClick(record))}
      data-testid={testId}
      columns={columns}
    />
  );
}

/**
 * The search box over a paged list: `search` is what was typed, trimmed and debounced (what to
 * query with), and the page goes back to 1 as soon as the text changes. Spread `searchProps` on a
 * TextInput.
 */
export function usePagedSearch(debounceMs: number) {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), debounceMs);
  const [page, setPage] = useState(1);
  const searchProps = {
    leftSection: <IconSearch size={16} />,
    value: searchText,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setSearchText(e.currentTarget.value);
      setPage(1);
    },
  };
  return { search, page, setPage, searchProps };
}
