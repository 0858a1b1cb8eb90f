// The initial passwords of accounts just created, shown once: a table to print, a sheet (.csv made in the
// browser) to save, and a reminder that they will not be shown again. Used by 批量开通单位账号 and
// 从表格导入账号.
import type { ReactNode } from 'react';
import { Button, Modal, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';

export interface SheetColumn<T> {
  title: string;
  value: (row: T) => string;
}

export function saveSheet<T>(fileName: string, columns: SheetColumn<T>[], rows: T[]): void {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r)))];
  const csv = `\ufeff${lines.map((l) => l.map(quote).join(',')).join('\r\n')}`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

interface Props<T extends { username: string; password: string }> {
  /** The accounts created, or null while the modal is closed. */
  rows: T[] | null;
  title: string;
  width: number;
  warning: string;
  /** Columns shown before 初始密码, and written to the sheet in the same order. */
  columns: SheetColumn<T>[];
  fileName: string;
  onClose: () => void;
  /** What was not created, under the table. */
  children?: ReactNode;
}

export function PasswordsOnceModal<T extends { username: string; password: string }>(props: Props<T>) {
  const { rows, columns } = props;
  const sheet: SheetColumn<T>[] = [...columns, { title: '初始密码', value: (r) => r.password }];
  const tableColumns: TableColumnsType<T> = [
    ...columns.map((c) => ({ title: c.title, key: c.title, render: (_: unknown, r: T) => c.value(r) })),
    { title: '初始密码', key: 'password', render: (_: unknown, r: T) => <code>{r.password}</code> },
  ];
  return (
    <Modal
      open={!!rows}
      title={props.title}
      width={props.width}
      onCancel={props.onClose}
      footer={[
        <Button key="csv" disabled={!rows?.length} onClick={() => rows && saveSheet(props.fileName, sheet, rows)}>
          保存账号表（.csv）
        </Button>,
        <Button key="print" onClick={() => window.print()}>
          打印
        </Button>,
        <Button key="close" type="primary" onClick={props.onClose}>
          我已保存，关闭
        </Button>,
      ]}
    >
      <Typography.Paragraph type="warning">{props.warning}</Typography.Paragraph>
      <Table rowKey="username" size="small" pagination={false} dataSource={rows ?? []} columns={tableColumns} />
      {props.children}
    </Modal>
  );
}
