// 从表格导入账号: the office picks an .xlsx/.xls/.csv/.txt of accounts (用户名, 姓名, 角色, 单位, 领导 in any
// order), sees what each row would become (新建 / 已存在 / 错误 with the reason), confirms, and gets the
// initial passwords once, to print or save as a sheet — like 批量开通单位账号.
import { useRef, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { api, messageOf } from '../../api/client';
import { PasswordsOnceModal } from './PasswordsOnce';
import { ROLE_LABEL } from '../../lib/status';
import type { AccountCheck, AccountImport, AccountPreview } from '@duban/domain/api/accounts';

type Checked = AccountCheck;
type Preview = AccountPreview;
type Result = AccountImport;

const RESULT_TAG: Record<Checked['result'], { color: string; label: string }> = {
  create: { color: 'green', label: '新建' },
  exists: { color: 'default', label: '已存在' },
  error: { color: 'red', label: '错误' },
};

const scopeOf = (r: Checked) => r.unit?.name ?? r.leader?.name ?? '—';

export function AccountImportButton({ onCreated }: { onCreated: () => void }) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      setPreview(await api.upload<Preview>('/accounts/import/preview', file));
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const done = await api.post<Result>('/accounts/import', { accounts: preview.records });
      setPreview(null);
      setResult(done);
      onCreated();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xls,.csv,.txt"
        style={{ display: 'none' }}
        data-testid="account-import-file"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button
        onClick={() => input.current?.click()}
        loading={busy && !preview}
        style={{ marginBottom: 12, marginLeft: 8 }}
      >
        从表格导入账号
      </Button>
      <Modal
        open={!!preview}
        title="导入账号预览"
        width={860}
        onCancel={() => setPreview(null)}
        okText={`开通 ${preview?.counts.create ?? 0} 个账号`}
        okButtonProps={{ disabled: !preview?.counts.create, loading: busy }}
        onOk={confirm}
      >
        {preview && (
          <>
            <Space style={{ marginBottom: 8 }} wrap>
              <Tag color="green">新建 {preview.counts.create}</Tag>
              <Tag>已存在 {preview.counts.exists}</Tag>
              <Tag color="red">错误 {preview.counts.error}</Tag>
            </Space>
            {preview.counts.error > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title="有错误的行不会开通；已存在的账号不作改动。可修改表格后重新选择文件。"
              />
            )}
            <Table<Checked>
              rowKey="line"
              size="small"
              pagination={preview.rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 720 }}
              dataSource={preview.rows}
              columns={[
                { title: '行', dataIndex: 'line', width: 56 },
                { title: '用户名', dataIndex: 'username' },
                { title: '姓名', dataIndex: 'displayName' },
                { title: '角色', key: 'role', render: (_, r) => (r.role ? ROLE_LABEL[r.role] : '—') },
                { title: '单位 / 领导', key: 'scope', render: (_, r) => scopeOf(r) },
                {
                  title: '结果',
                  key: 'result',
                  render: (_, r) => (
                    <>
                      <Tag color={RESULT_TAG[r.result].color}>{RESULT_TAG[r.result].label}</Tag>
                      {r.reason && r.result === 'error' ? (
                        <Typography.Text type="danger">{r.reason}</Typography.Text>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
      </Modal>
      <PasswordsOnceModal
        rows={result?.created ?? null}
        title={`已开通 ${result?.created.length ?? 0} 个账号`}
        width={760}
        warning="初始密码只显示这一次，请保存或打印后分发，并提醒首次登录后修改。"
        columns={[
          { title: '用户名', value: (r) => r.username },
          { title: '姓名', value: (r) => r.displayName },
          { title: '角色', value: (r) => (r.role ? ROLE_LABEL[r.role] : '') },
          { title: '单位 / 领导', value: (r) => scopeOf(r) },
        ]}
        fileName="导入账号.csv"
        onClose={() => setResult(null)}
      >
        {result && result.skipped.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            未开通 {result.skipped.length} 行（已存在或有错误）：
            {result.skipped
              .slice(0, 10)
              .map((s) => `第 ${s.line} 行 ${s.username || ''}${s.reason ? `（${s.reason}）` : ''}`)
              .join('；')}
            {result.skipped.length > 10 ? ' …' : ''}
          </Typography.Paragraph>
        )}
      </PasswordsOnceModal>
    </>
  );
}
