// The columns of the uploaded table with the role the parser read each as: a picker above each,
// the guess preselected. Changing one re-reads the preview at once with the person's roles.
import { Card, Select, Space, Typography } from 'antd';
import type { SourceColumn, SourceColumnRole } from '@duban/domain/task';

export const ROLE_LABEL: Record<SourceColumnRole, string> = {
  seq: '序号',
  task: '一级任务（分类）',
  category: '二级任务',
  target: '目标任务',
  leaders: '牵头领导',
  units: '牵头单位',
  co_units: '配合单位',
  progress: '进展情况',
  actual: '实际完成（并入进展）',
  rate: '完成率（并入进展）',
  flag: '是否达序（并入进展）',
  remarks: '问题说明（并入进展）',
  plan: '工作计划（不读入）',
  deadline: '完成时限',
  notes: '备注',
  other: '不读入',
};

const OPTIONS = (Object.keys(ROLE_LABEL) as SourceColumnRole[]).map((role) => ({
  value: role,
  label: ROLE_LABEL[role],
}));

export function ColumnRolePicker(props: {
  columns: SourceColumn[];
  busy: boolean;
  onChange: (roles: SourceColumnRole[]) => void;
}) {
  const { columns, busy, onChange } = props;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title="各列的含义">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        系统按表头和单元格内容推断了每一列的含义；推断不对时在此更改，预览会立即按所选重新读取。
      </Typography.Paragraph>
      <Space wrap align="start">
        {columns.map((column, i) => (
          <div key={i} style={{ width: 168 }}>
            <Typography.Text ellipsis={{ tooltip: column.header }} style={{ display: 'block', fontSize: 12 }}>
              第 {i + 1} 列：{column.header || '（无表头）'}
            </Typography.Text>
            <Select<SourceColumnRole>
              size="small"
              style={{ width: '100%' }}
              value={column.role}
              options={OPTIONS}
              disabled={busy}
              aria-label={`第 ${i + 1} 列“${column.header || '无表头'}”的含义`}
              onChange={(role) => onChange(columns.map((c, j) => (j === i ? role : c.role)))}
            />
          </div>
        ))}
      </Space>
    </Card>
  );
}
