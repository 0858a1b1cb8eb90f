// The leaders' open 批示 on one task, shown on the unit's report form next to the target, so the
// unit writes its report with them in view; each can be acknowledged and answered here.
import { Alert, List } from 'antd';
import { useMe } from '../../auth/AuthContext';
import { useLoad } from '../../lib/useLoad';
import { instructions } from '../supervision/api';
import { InstructionItem } from './InstructionsPage';

export function TaskInstructionsNote({ taskId }: { taskId: number }) {
  const me = useMe();
  const open = useLoad(() => instructions.list({ taskId, open: 1, pageSize: 20 }), [taskId]);
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`领导批示 ${items.length} 条待落实`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <InstructionItem
              item={item}
              canAcknowledge={me.role === 'unit'}
              canAnswer={me.role === 'unit' || me.role === 'admin'}
              onChanged={open.reload}
            />
          )}
        />
      }
    />
  );
}
