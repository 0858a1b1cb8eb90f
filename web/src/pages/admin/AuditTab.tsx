// The audit log (append-only): who did what and when, with filters and paging. Actions and
// objects are named in Chinese and chosen from lists (src/workflow/trail.ts), people by display name.
import { useState } from 'react';
import { Button, DatePicker, Form, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { audit, itemsOf, reference } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { formatTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import {
  AUDIT_ACTIONS,
  ENTITY_LABEL,
  actionLabel,
  actorLabel,
  describeChange,
  entityLabel,
} from '@duban/workflow/trail';

interface Filter {
  entity?: string;
  action?: string;
  actorId?: number;
  range?: [Dayjs, Dayjs];
}

export function AuditTab() {
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useLoad(() => reference.users(), []);
  const query = {
    entity: filter.entity || undefined,
    action: filter.action || undefined,
    actorId: filter.actorId,
    from: filter.range?.[0]?.format('YYYY-MM-DD'),
    to: filter.range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize,
  };
  const log = useLoad(() => audit.list(query), [JSON.stringify(query)]);
  const displayNames = new Map(itemsOf(users.data).map((u) => [u.id, u.displayName || u.username]));
  return (
    <>
      <Form<Filter>
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v) => {
          setFilter(v);
          setPage(1);
        }}
      >
        <Form.Item label="对象" name="entity">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            options={Object.entries(ENTITY_LABEL).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select
            allowClear
            placeholder="全部"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 170 }}
            options={AUDIT_ACTIONS.map((a) => ({ value: a.action, label: a.label }))}
          />
        </Form.Item>
        <Form.Item label="操作人" name="actorId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 140 }}
            options={itemsOf(users.data).map((u) => ({ value: u.id, label: u.displayName || u.username }))}
          />
        </Form.Item>
        <Form.Item label="日期" name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      {log.error ? <LoadError error={log.error} onRetry={log.reload} /> : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: '没有符合条件的记录。' }}
        expandable={{
          expandedRowRender: (a) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify({ before: a.before, after: a.after }, null, 2)}
            </pre>
          ),
          rowExpandable: (a) => a.before !== undefined || a.after !== undefined,
        }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: formatTime },
          {
            title: '操作人',
            key: 'actor',
            width: 120,
            render: (_, a) =>
              actorLabel(a.actorName ?? 'system', a.actorId != null ? displayNames.get(a.actorId) : null),
          },
          { title: '操作', dataIndex: 'action', width: 140, render: (action: string) => actionLabel(action) },
          {
            title: '对象',
            key: 'entity',
            width: 120,
            render: (_, a) => (
              <Typography.Text>
                {entityLabel(a.entity)}
                {a.entityId !== null && a.entityId !== undefined ? ` #${a.entityId}` : ''}
              </Typography.Text>
            ),
          },
          {
            title: '变更',
            key: 'change',
            render: (_, a) => describeChange(a.action, a.before, a.after) || '—',
          },
        ]}
      />
    </>
  );
}
