// API 令牌: tokens for machine clients (a data platform pulling the dashboard, a script filing
// reports). A token acts like an account of its role and unit/leader. Its secret is shown once, in
// a modal with a copy button; duban keeps only its hash. Revoked tokens stay listed for the record.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { reference, system } from '../../api/endpoints';
import type { ApiTokenRow, Role } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { formatTime } from '../../lib/format';
import { ROLE_LABEL } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';

/**
 * Copies to the clipboard. `navigator.clipboard` exists only on https or localhost; an office intranet
 * served over plain http gets the older selection-and-copy command instead.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused: try the older way */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

interface Values {
  name: string;
  role: Role;
  unitId?: number;
  leaderId?: number;
}

export function TokensTab() {
  const { message } = App.useApp();
  const tokens = useLoad(() => system.tokens(), []);
  const units = useLoad(() => reference.units(), []);
  const leaders = useLoad(() => reference.leaders(), []);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The secret just created: shown once, gone when the modal closes. */
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);

  const open = () => {
    form.resetFields();
    form.setFieldsValue({ role: 'viewer' });
    setCreating(true);
  };

  const create = async () => {
    // An invalid form shows its messages by the fields; the rejection is not an error to report.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const answer = await system.createToken({
        name: v.name.trim(),
        role: v.role,
        unitId: v.role === 'unit' ? v.unitId : null,
        leaderId: v.role === 'leader' ? v.leaderId : null,
      });
      setCreating(false);
      setCreated({ name: answer.name, token: answer.token });
      tokens.reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (t: ApiTokenRow) => {
    try {
      await system.revokeToken(t.id);
      message.success(`已吊销“${t.name}”`);
      tokens.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const copy = async () => {
    if (!created) return;
    if (await copyText(created.token)) message.success('已复制到剪贴板');
    else message.warning('浏览器不允许自动复制，请选中令牌后手动复制');
  };

  const scopeOf = (t: ApiTokenRow) => {
    if (t.unitId != null) return units.data?.find((u) => u.id === t.unitId)?.name ?? `单位 ${t.unitId}`;
    if (t.leaderId != null) return leaders.data?.find((l) => l.id === t.leaderId)?.name ?? `领导 ${t.leaderId}`;
    return '—';
  };

  return (
    <>
      {tokens.error ? <LoadError error={tokens.error} onRetry={tokens.reload} /> : null}
      <Typography.Paragraph type="secondary">
        API 令牌供其他系统调用督办接口（请求头 Authorization: Bearer 令牌），权限与同角色的账号相同。
      </Typography.Paragraph>
      <Button type="primary" onClick={open} style={{ marginBottom: 12 }}>
        新建令牌
      </Button>
      <Table<ApiTokenRow>
        rowKey="id"
        size="small"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: '尚未创建 API 令牌' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABEL[r] ?? r },
          { title: '单位 / 领导', key: 'scope', render: (_, t) => scopeOf(t) },
          { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
          {
            title: '最近使用',
            dataIndex: 'lastUsedAt',
            render: (t: string | null) => (t ? formatTime(t) : '从未使用'),
          },
          {
            title: '状态',
            key: 'state',
            render: (_, t) =>
              t.revokedAt ? <Tag>已吊销（{formatTime(t.revokedAt)}）</Tag> : <Tag color="green">有效</Tag>,
          },
          {
            title: '操作',
            key: 'op',
            render: (_, t) =>
              t.revokedAt ? null : (
                <Popconfirm
                  title={`吊销令牌“${t.name}”？`}
                  description="吊销后使用该令牌的系统将立即无法访问，且不能恢复。"
                  okText="吊销"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => revoke(t)}
                >
                  <Button size="small" danger>
                    吊销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />

      <Modal
        open={creating}
        title="新建 API 令牌"
        onCancel={() => setCreating(false)}
        onOk={create}
        okText="创建"
        cancelText="取消"
        confirmLoading={saving}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            label="名称"
            name="name"
            extra="写明谁在用，如：市大数据平台"
            rules={[
              { required: true, whitespace: true, message: '请填写名称' },
              { max: 100, message: '名称不超过 100 个字' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
          </Form.Item>
          {role === 'unit' && (
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '单位令牌必须指定单位' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
          {role === 'leader' && (
            <Form.Item label="对应领导" name="leaderId" rules={[{ required: true, message: '领导令牌必须指定区领导' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={created !== null}
        title={`令牌“${created?.name ?? ''}”已创建`}
        onCancel={() => setCreated(null)}
        maskClosable={false}
        footer={[
          <Button key="copy" onClick={copy}>
            复制令牌
          </Button>,
          <Button key="done" type="primary" onClick={() => setCreated(null)}>
            我已妥善保存
          </Button>,
        ]}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title="令牌只显示这一次，关闭后无法再次查看。请立即复制并妥善保存；遗失后只能吊销并新建。"
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph code copyable={false} style={{ wordBreak: 'break-all' }} data-testid="new-token">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
