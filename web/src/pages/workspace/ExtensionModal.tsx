// 延期申请: a unit asks for a later due date for one task, with a reason.
import { useState } from 'react';
import { EXTENSION_REASON_MAX_CHARS } from '@duban/domain/cycle';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { messageOf } from '../../api/client';
import { cycle } from '../../api/endpoints';
import type { PeriodRow, TaskListItem } from '../../api/types';

export function ExtensionModal({
  task,
  period,
  onClose,
  onDone,
}: {
  task: TaskListItem;
  period: PeriodRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; requestedDue: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await cycle.requestExtension({
        taskId: task.id,
        periodId: period.id,
        reason: v.reason.trim(),
        requestedDue: v.requestedDue.format('YYYY-MM-DD'),
      });
      message.success('延期申请已提交，等待督查科审批');
      onDone();
      onClose();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const minDate = dayjs(period.dueDate ?? undefined);
  return (
    <Modal
      open
      title={`申请延期 · 任务 ${task.seq}`}
      onCancel={onClose}
      onOk={submit}
      okText="提交申请"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item label="希望延期到" name="requestedDue" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(minDate, 'day')} />
        </Form.Item>
        <Form.Item
          label="延期理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请写明延期理由' },
            { max: EXTENSION_REASON_MAX_CHARS, message: `延期理由不超过 ${EXTENSION_REASON_MAX_CHARS} 字` },
          ]}
        >
          <Input.TextArea rows={3} placeholder="例如：年度统计数据预计于次年2月公布。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
