// The office overrides the machine's status with a reason (both are kept and shown).
import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { messageOf } from '../api/client';
import { reports } from '../api/endpoints';
import type { ReportDetail, Status } from '../api/types';
import { STATUSES, STATUS_LABEL_ZH } from '../lib/status';
import { REVIEW_COMMENT_MAX_CHARS } from '@duban/domain/report';

export function OverrideModal({
  reportId,
  current,
  open,
  onClose,
  onDone,
}: {
  reportId: number;
  current?: Status;
  open: boolean;
  onClose: () => void;
  onDone: (r: ReportDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: Status; reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await reports.override(reportId, v.status, v.reason.trim());
      message.success('已调整状态');
      onDone(r);
      onClose();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="人工调整状态"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="确认调整"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ status: current }}>
        <Form.Item label="调整为" name="status" rules={[{ required: true, message: '请选择状态' }]}>
          <Select options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL_ZH[s] }))} />
        </Form.Item>
        <Form.Item
          label="调整理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请写明调整理由' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REVIEW_COMMENT_MAX_CHARS}
            showCount
            placeholder="例如：经核实，该项目已于12月完成竣工验收。"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
