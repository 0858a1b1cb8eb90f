// 批量开通单位账号: one click opens a 填报员 account for every unit without one; the initial
// passwords are shown once, to print or save as a sheet (.csv made here in the browser).
import { useState } from 'react';
import { App, Button, Modal, Table, Typography } from 'antd';
import { api, messageOf } from '../../api/client';

interface Result {
  created: { unit: { id: number; name: string }; username: string; displayName: string; password: string }[];
  skipped: { unit: { id: number; name: string }; reason: string }[];
}

function saveSheet(rows: Result['created']): void {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [['单位', '用户名', '初始密码'], ...rows.map((r) => [r.unit.name, r.username, r.password])];
  const csv = `\ufeff${lines.map((l) => l.map(quote).join(',')).join('\r\n')}`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '单位账号.csv';
  a.click();
  URL.revokeObjectURL(url);
}

export function UnitAccountsButton({ onCreated }: { onCreated: () => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const run = () =>
    modal.confirm({
      title: '批量开通单位账号',
      content: '为每个还没有填报账号的单位开通一个账号（用户名 dw+单位编号），初始密码只显示这一次。',
      okText: '开通',
      onOk: async () => {
        setBusy(true);
        try {
          setResult(await api.post<Result>('/accounts/units', {}));
          onCreated();
        } catch (e) {
          message.error(messageOf(e));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <>
      <Button onClick={run} loading={busy} style={{ marginBottom: 12, marginLeft: 8 }}>
        批量开通单位账号
      </Button>
      <Modal
        open={!!result}
        title={`已开通 ${result?.created.length ?? 0} 个单位账号`}
        width={720}
        onCancel={() => setResult(null)}
        footer={[
          <Button key="csv" disabled={!result?.created.length} onClick={() => result && saveSheet(result.created)}>
            保存账号表（.csv）
          </Button>,
          <Button key="print" onClick={() => window.print()}>
            打印
          </Button>,
          <Button key="close" type="primary" onClick={() => setResult(null)}>
            我已保存，关闭
          </Button>,
        ]}
      >
        <Typography.Paragraph type="warning">
          初始密码只显示这一次，请保存或打印后分发给各单位，并提醒首次登录后修改。
        </Typography.Paragraph>
        <Table
          rowKey="username"
          size="small"
          pagination={false}
          dataSource={result?.created ?? []}
          columns={[
            { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
            { title: '用户名', dataIndex: 'username' },
            { title: '初始密码', dataIndex: 'password', render: (v: string) => <code>{v}</code> },
          ]}
        />
        {result && result.skipped.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            跳过 {result.skipped.length} 个单位（已有账号或用户名被占用）。
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
