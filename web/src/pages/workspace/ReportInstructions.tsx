// The leaders' open 批示 on the report form: each can be acknowledged and answered on its own, as
// on the 领导批示 page, or ticked 在本次填报中答复 — then submitting the report answers it in the same
// step (with the unit's words, or the report's text when it writes none) and links the answer to
// the report. The ticks live in the form (ReportForm) until it is submitted.
import { INSTRUCTION_MAX_CHARS } from '@duban/domain/supervision';
import { Alert, Checkbox, Input, List, Space } from 'antd';
import { useEffect } from 'react';
import { useMe } from '../../auth/AuthContext';
import { useLoad } from '../../lib/useLoad';
import { InstructionItem } from '../instructions/InstructionsPage';
import { instructions } from '../supervision/api';

/** Instruction id → the unit's own answer ('' to answer with the report's text). */
export type InReportAnswers = Map<number, string>;

export function ReportInstructions({
  taskId,
  canAnswerInReport,
  value,
  onChange,
}: {
  taskId: number;
  /** The report may be submitted now by this user (a draft or returned report, an open period). */
  canAnswerInReport: boolean;
  value: InReportAnswers;
  onChange: (next: InReportAnswers) => void;
}) {
  const me = useMe();
  const open = useLoad(() => instructions.list({ taskId, open: 1, pageSize: 20 }), [taskId]);
  const items = open.data?.items ?? [];
  // A tick on an instruction answered meanwhile (elsewhere) is dropped.
  useEffect(() => {
    if (!open.data) return;
    const ids = new Set(items.map((i) => i.id));
    if ([...value.keys()].some((id) => !ids.has(id))) onChange(new Map([...value].filter(([id]) => ids.has(id))));
  }, [open.data, items, value, onChange]);
  if (items.length === 0) return null;
  const offer = canAnswerInReport && (me.role === 'unit' || me.role === 'admin');
  const set = (id: number, answer: string | null) => {
    const next = new Map(value);
    if (answer === null) next.delete(id);
    else next.set(id, answer);
    onChange(next);
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`领导批示 ${items.length} 条待落实${value.size ? `，${value.size} 条将随本次填报答复` : ''}`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <div data-testid={`report-instruction-${item.id}`}>
              <InstructionItem
                item={item}
                canAcknowledge={me.role === 'unit'}
                canAnswer={(me.role === 'unit' || me.role === 'admin') && !value.has(item.id)}
                onChanged={open.reload}
              />
              {offer && (
                <Space direction="vertical" style={{ width: '100%', paddingBottom: 8 }} size={4}>
                  <Checkbox checked={value.has(item.id)} onChange={(e) => set(item.id, e.target.checked ? '' : null)}>
                    在本次填报中答复
                  </Checkbox>
                  {value.has(item.id) && (
                    <Input.TextArea
                      aria-label={`随填报答复批示 ${item.id}`}
                      value={value.get(item.id)}
                      maxLength={INSTRUCTION_MAX_CHARS}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder="答复内容（可不填：不填则以本期进展情况作为答复），提交审核时一并答复"
                      onChange={(e) => set(item.id, e.target.value)}
                    />
                  )}
                </Space>
              )}
            </div>
          )}
        />
      }
    />
  );
}
