// Units (牵头单位) or leaders (区领导): a list of names the admin can add to and rename; units spelt
// two ways (区发展改革委 / 区发展改革局) can be merged into one, the other names kept as its aliases.
import { useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { unitNameKey } from '@duban/domain/unit-names';
import { messageOf } from '../../api/client';
import type { UnitRow } from '../../api/types';
import { LoadError } from '../../components/Feedback';
import { useLoad } from '../../lib/useLoad';

export function NamesTab({
  noun,
  load,
  save,
  merge,
}: {
  noun: string;
  load: () => Promise<UnitRow[]>;
  save: (v: { id?: number; name: string }) => Promise<unknown>;
  /** Merges the `mergeIds` into `keepId` (units only). */
  merge?: (keepId: number, mergeIds: number[]) => Promise<unknown>;
}) {
  const { message, modal } = App.useApp();
  const list = useLoad(load, []);
  const [editing, setEditing] = useState<{ id?: number; name: string } | null>(null);
  const [merging, setMerging] = useState<{ keep: UnitRow; mergeIds: number[] } | null>(null);
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
  const others = merging ? (list.data ?? []).filter((r) => r.id !== merging.keep.id) : [];
  // Names that differ only in form from the kept one, offered first.
  const similar = merging ? others.filter((r) => unitNameKey(r.name) === unitNameKey(merging.keep.name)) : [];
  const confirmMerge = () => {
    if (!merging || !merge || merging.mergeIds.length === 0) return;
    const { keep, mergeIds } = merging;
    const names = others.filter((r) => mergeIds.includes(r.id)).map((r) => r.name);
    modal.confirm({
      title: `将${names.join('、')}合并到${keep.name}？`,
      content: `它们的任务、账号、签收、延期、催办和督办单都转到“${keep.name}”，原名称保留为别名，以后导入的表格写原名称也对应到“${keep.name}”。合并后不能撤销。`,
      okText: '合并',
      cancelText: '取消',
      onOk: async () => {
        try {
          await merge(keep.id, mergeIds);
          message.success(`已合并到${keep.name}`);
          setMerging(null);
          list.reload();
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });
  };
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
            width: merge ? 160 : 100,
            render: (_, r) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing({ id: r.id, name: r.name })}>
                  改名
                </Button>
                {merge ? (
                  <Button size="small" onClick={() => setMerging({ keep: r, mergeIds: [] })}>
                    合并
                  </Button>
                ) : null}
              </Space>
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
      <Modal
        open={!!merging}
        title={`合并到“${merging?.keep.name ?? ''}”`}
        onCancel={() => setMerging(null)}
        onOk={confirmMerge}
        okText="合并"
        okButtonProps={{ disabled: !merging?.mergeIds.length }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          选择与它是同一{noun}、只是名称写法不同的{noun}（如“区发展改革局”与“区发展改革委”）。
        </Typography.Paragraph>
        {similar.length > 0 ? (
          <Typography.Paragraph>
            名称相近：{similar.map((r) => r.name).join('、')}{' '}
            <Button
              size="small"
              type="link"
              onClick={() =>
                setMerging((m) =>
                  m ? { ...m, mergeIds: [...new Set([...m.mergeIds, ...similar.map((r) => r.id)])] } : m,
                )
              }
            >
              全部选上
            </Button>
          </Typography.Paragraph>
        ) : null}
        <label htmlFor="merge-select">要并入的{noun}</label>
        <Select
          id="merge-select"
          mode="multiple"
          style={{ width: '100%' }}
          placeholder={`选择${noun}`}
          value={merging?.mergeIds ?? []}
          onChange={(ids: number[]) => setMerging((m) => (m ? { ...m, mergeIds: ids } : m))}
          optionFilterProp="label"
          options={[...similar, ...others.filter((r) => !similar.includes(r))].map((r) => ({
            value: r.id,
            label: r.name,
          }))}
        />
      </Modal>
    </>
  );
}
