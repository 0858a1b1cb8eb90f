// 通知渠道: the DingTalk / WeCom robots and webhooks that reminders and workflow events also go out
// on (add, edit, switch on and off, delete), and the recent deliveries with their state, so the
// office sees whether a group chat really got the message. Secrets are write-only: the API only
// says whether one is set.
import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Switch, Table, Tag, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { system } from '../../api/endpoints';
import type { ChannelInput, ChannelKind, ChannelRow, DeliveryRow } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { formatTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { deliveryErrorText } from './deliveryError';
import type { NotificationEvent } from '@duban/domain/notifications';

const KIND_LABEL: Record<ChannelKind, string> = {
  dingtalk: '钉钉机器人',
  wecom: '企业微信机器人',
  webhook: '通用 Webhook',
};

/** The events of src/domain/notifications.ts NOTIFICATION_EVENTS, in the office's words. */
const EVENT_LABEL: Record<NotificationEvent, string> = {
  reminder: '催办',
  'report.submitted': '进展报送',
  'report.returned': '报送退回',
  'report.approved': '报送审核通过',
  'extension.requested': '延期申请',
  'extension.decided': '延期审批结果',
  supervision: '督办单',
  instruction: '领导批示',
};

const DELIVERY_STATE: Record<DeliveryRow['state'], { label: string; color: string }> = {
  pending: { label: '待发送', color: 'blue' },
  delivered: { label: '已送达', color: 'green' },
  failed: { label: '发送失败', color: 'red' },
};

const RETRYING = { label: '待重试', color: 'orange' };

interface Values {
  name: string;
  kind: ChannelKind;
  url: string;
  secret?: string;
  clearSecret?: boolean;
  events: string[];
  enabled: boolean;
}

export function ChannelsTab() {
  const { message } = App.useApp();
  const channels = useLoad(() => system.channels(), []);
  const [deliveryChannel, setDeliveryChannel] = useState<number | undefined>();
  const deliveries = useLoad(() => system.deliveries(deliveryChannel), [deliveryChannel]);
  const [editing, setEditing] = useState<ChannelRow | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const clearSecret = Form.useWatch('clearSecret', form);

  const open = (c: ChannelRow | 'new') => {
    setEditing(c);
    form.resetFields();
    form.setFieldsValue(
      c === 'new'
        ? { kind: 'dingtalk', events: ['reminder'], enabled: true }
        : { name: c.name, kind: c.kind, url: c.url, events: c.events, enabled: c.enabled },
    );
  };

  const save = async () => {
    // An invalid form shows its messages by the fields; the rejection is not an error to report.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: ChannelInput = {
      name: v.name.trim(),
      kind: v.kind,
      url: v.url.trim(),
      // The checkboxes offer EVENT_LABEL's keys only.
      events: v.events as NotificationEvent[],
      enabled: v.enabled,
    };
    // An empty secret field keeps the stored secret when editing; "clear" removes it.
    if (v.clearSecret) body.secret = null;
    else if (v.secret?.trim()) body.secret = v.secret.trim();
    setSaving(true);
    try {
      if (editing === 'new') await system.createChannel(body);
      else if (editing) await system.updateChannel(editing.id, body);
      message.success('通知渠道已保存');
      setEditing(null);
      channels.reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const toggle = async (c: ChannelRow, enabled: boolean) => {
    try {
      await system.updateChannel(c.id, { enabled });
      message.success(enabled ? `已启用“${c.name}”` : `已停用“${c.name}”`);
      channels.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const remove = async (c: ChannelRow) => {
    try {
      await system.deleteChannel(c.id);
      message.success(`已删除“${c.name}”`);
      if (deliveryChannel === c.id) setDeliveryChannel(undefined);
      channels.reload();
      deliveries.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const channelName = (id: number) => channels.data?.find((c) => c.id === id)?.name ?? `渠道 ${id}（已删除）`;
  const editingSecret = editing !== 'new' && editing?.hasSecret;

  return (
    <>
      {channels.error ? <LoadError error={channels.error} onRetry={channels.reload} /> : null}
      <Typography.Paragraph type="secondary">
        催办、报送退回等事件除站内消息外，还会推送到下列已启用且订阅了该事件的渠道。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 12 }}>
        新增通知渠道
      </Button>
      <Table<ChannelRow>
        rowKey="id"
        size="small"
        loading={channels.loading}
        dataSource={channels.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: '尚未配置通知渠道' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: ChannelKind) => KIND_LABEL[k] ?? k },
          {
            title: '地址',
            dataIndex: 'url',
            render: (u: string) => (
              <Typography.Text ellipsis={{ tooltip: u }} style={{ maxWidth: 260 }}>
                {u}
              </Typography.Text>
            ),
          },
          { title: '签名密钥', dataIndex: 'hasSecret', render: (s: boolean) => (s ? '已设置' : '—') },
          {
            title: '推送事件',
            dataIndex: 'events',
            render: (events: string[]) =>
              events.length ? events.map((e) => <Tag key={e}>{EVENT_LABEL[e as NotificationEvent] ?? e}</Tag>) : '—',
          },
          {
            title: '启用',
            dataIndex: 'enabled',
            render: (enabled: boolean, c) => (
              <Switch
                size="small"
                checked={enabled}
                aria-label={`启用${c.name}`}
                onChange={(on) => void toggle(c, on)}
              />
            ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, c) => (
              <>
                <Button size="small" onClick={() => open(c)}>
                  编辑
                </Button>
                <Popconfirm
                  title={`删除通知渠道“${c.name}”？`}
                  description="删除后不再向该渠道推送，投递记录一并删除。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(c)}
                >
                  <Button size="small" danger style={{ marginLeft: 8 }}>
                    删除
                  </Button>
                </Popconfirm>
              </>
            ),
          },
        ]}
      />

      <h3 style={{ marginTop: 24 }}>最近投递记录</h3>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Select
          aria-label="按渠道筛选投递记录"
          placeholder="全部渠道"
          allowClear
          style={{ width: 220 }}
          value={deliveryChannel}
          onChange={(v?: number) => setDeliveryChannel(v)}
          options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button onClick={deliveries.reload}>刷新</Button>
      </div>
      {deliveries.error ? <LoadError error={deliveries.error} onRetry={deliveries.reload} /> : null}
      <Table<DeliveryRow>
        rowKey="id"
        size="small"
        loading={deliveries.loading}
        dataSource={deliveries.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无投递记录' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 150, render: (t: string) => formatTime(t) },
          { title: '渠道', dataIndex: 'channelId', render: (id: number) => channelName(id) },
          { title: '事件', dataIndex: 'event', render: (e: string) => EVENT_LABEL[e as NotificationEvent] ?? e },
          { title: '内容', key: 'title', render: (_, d) => d.payload?.title ?? '—' },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: DeliveryRow['state'], d) => {
              // Still pending after a failed attempt: the worker will retry, say so rather than 待发送.
              const state = s === 'pending' && d.attempts > 0 ? RETRYING : DELIVERY_STATE[s];
              return <Tag color={state?.color}>{state?.label ?? s}</Tag>;
            },
          },
          { title: '尝试次数', dataIndex: 'attempts', width: 80 },
          {
            title: '说明',
            key: 'detail',
            render: (_, d) => {
              const why = deliveryErrorText(d.lastError);
              const text =
                d.state === 'delivered'
                  ? `送达于 ${formatTime(d.deliveredAt)}`
                  : d.state === 'failed'
                    ? `${d.attempts} 次发送均未成功${why ? `（${why}）` : ''}，不再重试`
                    : d.attempts === 0
                      ? '等待发送'
                      : `第 ${d.attempts} 次发送未成功${why ? `（${why}）` : ''}，将于 ${formatTime(d.nextAttemptAt)} 重试`;
              // The recorded text itself, for whoever sets up the robot.
              return <span title={d.lastError ?? undefined}>{text}</span>;
            },
          },
        ]}
      />

      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增通知渠道' : '编辑通知渠道'}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            label="名称"
            name="name"
            rules={[
              { required: true, whitespace: true, message: '请填写名称' },
              { max: 100, message: '名称不超过 100 个字' },
            ]}
          >
            <Input placeholder="如：督查科工作群" />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              options={(Object.keys(KIND_LABEL) as ChannelKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
            />
          </Form.Item>
          <Form.Item
            label="推送地址"
            name="url"
            rules={[
              { required: true, whitespace: true, message: '请填写推送地址' },
              { pattern: /^\s*https?:\/\//, message: '推送地址必须以 http:// 或 https:// 开头' },
              { min: 8, message: '推送地址至少 8 个字符' },
              { max: 1000, message: '推送地址不超过 1000 个字符' },
            ]}
          >
            <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="签名密钥（可选）"
            name="secret"
            extra={
              editingSecret
                ? '已设置密钥；留空则保持不变。'
                : '钉钉“加签”的密钥，或通用 Webhook 的签名密钥；保存后不再显示。'
            }
            rules={[{ max: 200, message: '密钥不超过 200 个字符' }]}
          >
            <Input.Password autoComplete="new-password" disabled={!!clearSecret} />
          </Form.Item>
          {editingSecret ? (
            <Form.Item name="clearSecret" valuePropName="checked">
              <Checkbox>清除已设置的密钥</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item label="推送事件" name="events">
            <Checkbox.Group options={Object.entries(EVENT_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="启用" name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
