// A table cell the admin can fix in place: click (or Enter) to edit, Enter/blur to keep,
// Escape to cancel. A cell the parser warned about is highlighted with the warning text.
import { useState } from 'react';
import { Input, Tooltip } from 'antd';

export function EditableCell({
  value,
  label,
  warnings,
  onChange,
}: {
  value: string;
  label: string;
  warnings: string[];
  onChange: (v: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (editing)
    return (
      <Input.TextArea
        aria-label={label}
        autoFocus
        autoSize={{ minRows: 1, maxRows: 8 }}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setEditing(false);
          if (draft !== value) onChange(draft);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(value);
            setEditing(false);
          }
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            setEditing(false);
            if (draft !== value) onChange(draft);
          }
        }}
      />
    );
  const cell = (
    <div
      role="button"
      tabIndex={0}
      aria-label={`${label}：${value || '空'}${warnings.length ? `（提示：${warnings.join('；')}）` : ''}，按回车修改`}
      className={warnings.length ? 'cell-warning' : undefined}
      data-warning={warnings.length > 0 || undefined}
      style={{
        minHeight: 22,
        padding: 4,
        borderRadius: 4,
        cursor: 'text',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
      onClick={() => {
        setDraft(value);
        setEditing(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          setDraft(value);
          setEditing(true);
        }
      }}
    >
      {value || <span style={{ color: '#bbb' }}>（空）</span>}
    </div>
  );
  return warnings.length ? <Tooltip title={warnings.join('；')}>{cell}</Tooltip> : cell;
}
