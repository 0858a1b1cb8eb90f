// 单位序列: the office pastes its units' names in official order, one per line (as they stand in a
// 文件 or a roster); the desk then lists units in that order, the others after them by pinyin.
import { useState } from 'react';
import { App, Button, Input, Modal, Typography } from 'antd';
import { api, messageOf } from '../../api/client';
import type { Named } from '../../api/types';

export function UnitOrderButton({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const units = await api.get<Named[]>('/units');
      const byName = new Map(units.map((u) => [u.name, u.id]));
      const names = text
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*\d+[.、．\s]*/, '').trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !byName.has(n));
      if (unknown.length) {
        message.error(`没有这些单位：${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? '等' : ''}`);
        return;
      }
      await api.put('/units/order', { unitIds: [...new Set(names.map((n) => byName.get(n)!))] });
      message.success(`已设置 ${names.length} 个单位的序列`);
      setOpen(false);
      onSaved();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>单位序列</Button>
      <Modal
        open={open}
        title="设置单位序列"
        okText="保存"
        onOk={save}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">
          按正式顺序每行填写一个单位名称（可带序号）。未列入的单位按拼音排在后面；清空后保存则全部按拼音排序。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="单位序列"
          rows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'区委办\n区府办\n区发展改革局'}
        />
      </Modal>
    </>
  );
}
