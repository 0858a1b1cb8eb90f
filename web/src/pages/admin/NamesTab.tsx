// Units (牵头单位) or leaders (区领导): a list of names the admin can add to and rename.
import { useState } from 'react';
import { App, Button, Input, Modal, Table } from 'antd';
import { messageOf } from '../../api/client';
import type { UnitRow } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { useLoad } from '../../lib/useLoad';

export function NamesTab({
  noun,
  load,
  save,
}: {
  noun: string;
  load: () => Promise<UnitRow[]>;
  save: (v: { id?: number; name: string }) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const list = useLoad(load, []);
  const [editing, setEditing] = useState<{ id?: number; name: string } | null>(null);
  const [filter, setFilter] = useState('');
  const submit = async () => {
    if (!editing?.name.trim()) return;
    try {
      await save({ id: editing.id, name: editing.name.trim() });
      message.success('已保存');
      setEditing(null);
      list.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  const rows = (list.data ?? []).filter((r) => r.name.includes(filter.trim()));
  return (
    <>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Button type="primary" onClick={() => setEditing({ name: '' })}>
          新增{noun}
        </Button>
        <Input.Search
          aria-label={`查找${noun}`}
          placeholder={`查找${noun}`}
          allowClear
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 220 }}
        />
      </div>
      <Table<UnitRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          { title: '名称', dataIndex: 'name' },
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing({ id: r.id, name: r.name })}>
                改名
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.id ? `修改${noun}` : `新增${noun}`}
        onCancel={() => setEditing(null)}
        onOk={submit}
        okText="保存"
        destroyOnHidden
      >
        <label htmlFor="name-input">{noun}名称</label>
        <Input
          id="name-input"
          value={editing?.name}
          onChange={(e) => setEditing((v) => (v ? { ...v, name: e.target.value } : v))}
          onPressEnter={submit}
        />
      </Modal>
    </>
  );
}
