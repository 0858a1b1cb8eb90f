// 批量开通单位账号: one click opens a 填报员 account for every unit without one; the initial
// passwords are shown once, to print or save as a sheet (.csv made here in the browser).
import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import { api, messageOf } from '../../api/client';
import { PasswordsOnceModal } from './PasswordsOnce';

interface Result {
  created: { unit: { id: number; name: string }; username: string; displayName: string; password: string }[];
  skipped: { unit: { id: number; name: string }; reason: string }[];
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
      <PasswordsOnceModal
        rows={result?.created ?? null}
        title={`已开通 ${result?.created.length ?? 0} 个单位账号`}
        width={720}
        warning="初始密码只显示这一次，请保存或打印后分发给各单位，并提醒首次登录后修改。"
        columns={[
          { title: '单位', value: (r) => r.unit.name },
          { title: '用户名', value: (r) => r.username },
        ]}
        fileName="单位账号.csv"
        onClose={() => setResult(null)}
      >
        {result && result.skipped.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            跳过 {result.skipped.length} 个单位（已有账号或用户名被占用）。
          </Typography.Paragraph>
        )}
      </PasswordsOnceModal>
    </>
  );
}
