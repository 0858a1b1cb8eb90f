// 系统设置: the light threshold, the attachment size limit and whether only approved reports are
// published, with the bounds of the server's schema (src/server/routes/settings/settings.ts).
// Changing what is published re-publishes every report, so the form says so before saving.
import { useEffect, useState } from 'react';
import { App, Button, Form, InputNumber, Switch, Typography } from 'antd';
import { messageOf } from '../../api/client';
import { system } from '../../api/endpoints';
import type { AppSettings } from '../../api/types';
import { LoadError, PageLoading } from '../../components/Feedback';
import { useLoad } from '../../lib/useLoad';

interface Values {
  yellowWithinPoints: number;
  maxAttachmentMb: number;
  approvedOnly: boolean;
}

const toValues = (s: AppSettings): Values => ({
  yellowWithinPoints: s.lights.yellowWithinPoints,
  maxAttachmentMb: s.upload.maxAttachmentMb,
  approvedOnly: s.publish.approvedOnly,
});

export function SettingsTab() {
  const { message, modal } = App.useApp();
  const settings = useLoad(() => system.settings(), []);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data));
  }, [settings.data, form]);

  const put = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await system.saveSettings({
        lights: { yellowWithinPoints: v.yellowWithinPoints },
        upload: { maxAttachmentMb: v.maxAttachmentMb },
        publish: { approvedOnly: v.approvedOnly },
      });
      form.setFieldsValue(toValues(saved));
      message.success('设置已保存');
      settings.reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const save = async () => {
    // An invalid form shows its messages by the fields; the rejection is not an error to report.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (settings.data && v.approvedOnly !== settings.data.publish.approvedOnly) {
      modal.confirm({
        title: '修改发布范围？',
        content: v.approvedOnly
          ? '今后只发布审核通过的报送；所有报送将按新规则重新发布，看板和导出随之变化。'
          : '今后已报送（待审核）的报送也会发布；所有报送将按新规则重新发布，看板和导出随之变化。',
        okText: '确认修改',
        cancelText: '取消',
        onOk: () => put(v),
      });
      return;
    }
    await put(v);
  };

  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <PageLoading />;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} initialValues={toValues(settings.data)}>
      {/* No min/max on the inputs: they would clamp a wrong value silently; the rules say what is wrong. */}
      <h3>进展灯</h3>
      <Form.Item
        label="黄灯阈值（百分点）"
        name="yellowWithinPoints"
        extra="进度落后于按时间应完成比例不超过此数时亮黄灯，超过则亮红灯。取值 0–100。"
        rules={[
          { required: true, message: '请填写黄灯阈值' },
          { type: 'number', min: 0, max: 100, message: '黄灯阈值应在 0 到 100 之间' },
        ]}
      >
        <InputNumber step={5} suffix="个百分点" style={{ width: 220 }} />
      </Form.Item>
      <h3>附件</h3>
      <Form.Item
        label="单个附件大小上限（MB）"
        name="maxAttachmentMb"
        extra="取值 0.1–50。"
        rules={[
          { required: true, message: '请填写附件大小上限' },
          { type: 'number', min: 0.1, max: 50, message: '附件大小上限应在 0.1 到 50 MB 之间' },
        ]}
      >
        <InputNumber step={1} suffix="MB" style={{ width: 220 }} />
      </Form.Item>
      <h3>发布</h3>
      <Form.Item
        label="只发布审核通过的报送"
        name="approvedOnly"
        valuePropName="checked"
        extra="关闭时，已报送待审核的进展也会出现在看板和导出中。"
      >
        <Switch />
      </Form.Item>
      <Button type="primary" onClick={save} loading={saving}>
        保存设置
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        修改记入操作日志。
      </Typography.Paragraph>
    </Form>
  );
}
