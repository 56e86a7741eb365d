import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label/value rows (an account's ids, a message's details); a missing value reads `—`, a long id wraps. */
export function FieldRows({ rows, labelWidth = '40%' }: { rows: [string, ReactNode][]; labelWidth?: string }) {
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={labelWidth}>{label}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{value ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
