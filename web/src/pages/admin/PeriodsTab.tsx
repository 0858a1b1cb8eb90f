// Plans and their periods: open a new period with a due date, change a due date, close or reopen.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { messageOf } from '../../api/client';
import { reference } from '../../api/endpoints';
import type { PeriodRow } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { usePlan } from '../../lib/PlanContext';
import { usePhone } from '../../lib/useMediaQuery';

export function PeriodsTab() {
  const { message } = App.useApp();
  const { plans, plan, periods, loading, error, reload } = usePlan();
  const [form] = Form.useForm<{ label: string; dueDate: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const phone = usePhone();

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      reload();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Card size="small" title="年度计划" style={{ marginBottom: 12 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plans}
          locale={{ emptyText: '还没有计划。请在「导入」中上传一份进展表。' }}
          columns={[
            { title: '计划', dataIndex: 'title' },
            // On a phone the title (which names both) keeps the room: 地区 and 年度 show from 576 px.
            { title: '地区', dataIndex: 'region', width: 120, responsive: ['sm'] },
            { title: '年度', dataIndex: 'year', width: 80, responsive: ['sm'] },
            { title: '任务数', dataIndex: 'taskCount', width: 80 },
            {
              title: '',
              key: 'cur',
              width: 64,
              render: (_, p) => (p.id === plan?.id ? <Tag color="blue">当前</Tag> : null),
            },
          ]}
        />
      </Card>
      {plan && (
        <Card size="small" title={`填报周期 · ${plan.title}`}>
          <Form
            form={form}
            layout="inline"
            style={{ marginBottom: 12, rowGap: 8 }}
            onFinish={(v) =>
              run(
                () => reference.openPeriod(plan.id, v.label.trim(), v.dueDate.format('YYYY-MM-DD')),
                `已开启周期 ${v.label}`,
              )
            }
          >
            <Form.Item label="周期" name="label" rules={[{ required: true, message: '如 2024Q1' }]}>
              <Input placeholder="如 2024Q1 或 2024-03" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label="截止日期" name="dueDate" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              开启新周期
            </Button>
          </Form>
          <Table<PeriodRow>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={periods}
            pagination={false}
            locale={{ emptyText: '还没有周期。开启后，各单位即可填报。' }}
            columns={[
              { title: '周期', dataIndex: 'label' },
              {
                title: '起止',
                key: 'range',
                // on a phone the label says the quarter; the dates would push 截止日期 off the screen
                responsive: ['sm'],
                render: (_, p) => `${formatDate(p.startDate)} ~ ${formatDate(p.endDate)}`,
              },
              {
                title: '截止日期',
                key: 'due',
                render: (_, p) => (
                  <DatePicker
                    aria-label={`${p.label} 截止日期`}
                    size="small"
                    allowClear={false}
                    value={p.dueDate ? dayjs(p.dueDate) : null}
                    // on a phone the whole date, not the calendar icon, gets the little room there is
                    suffixIcon={phone ? null : undefined}
                    style={phone ? { width: 104 } : undefined}
                    onChange={(d) =>
                      d &&
                      run(() => reference.updatePeriod(p.id, { dueDate: d.format('YYYY-MM-DD') }), '截止日期已修改')
                    }
                  />
                ),
              },
              {
                title: '状态',
                dataIndex: 'state',
                render: (s: string) => (s === 'open' ? <Tag color="green">填报中</Tag> : <Tag>已关闭</Tag>),
              },
              {
                title: '操作',
                key: 'op',
                render: (_, p) => (
                  <Space>
                    {p.state === 'open' ? (
                      <Button
                        size="small"
                        danger
                        disabled={busy}
                        onClick={() =>
                          run(() => reference.updatePeriod(p.id, { state: 'closed' }), `已关闭 ${p.label}`)
                        }
                      >
                        关闭
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() =>
                          run(() => reference.updatePeriod(p.id, { state: 'open' }), `已重新开启 ${p.label}`)
                        }
                      >
                        {phone ? '开启' : '重新开启'}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
