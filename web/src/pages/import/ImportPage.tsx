// 导入向导: upload a progress table, see the parsed tasks with the parser's warnings on the
// cells, fix cells inline, name the plan and period, confirm. Nothing is stored before confirm.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { messageOf } from '../../api/client';
import { fileSize } from '../../lib/format';
import { imports } from '../../api/endpoints';
import type { ImportPreview, ImportSummary, Task } from '../../api/types';
import type { ParsedTask, TaskField } from '@duban/domain/task';
import { usePlan } from '../../lib/PlanContext';
import { EditableCell } from './EditableCell';
import { ColumnRolePicker } from './ColumnRolePicker';
import type { SourceColumnRole } from '@duban/domain/task';

/** What the file was read as, in the words of the person who uploaded it. */
const FORMAT_NAMES: Record<string, string> = {
  text: '文本',
  html: '网页',
  xlsx: 'Excel 表格',
  xls: 'Excel 97-2003 表格',
  xml: 'Excel 2003 XML 表格',
  docx: 'Word 文档',
  doc: 'Word 97-2003 文档',
};

/** The server's default import limit (src/server/app.ts importLimit). */
const IMPORT_MAX_MB = 50;

const FIELD_LABEL: Record<TaskField, string> = {
  seq: '序号',
  theme: '重点工作任务',
  category: '二级分类',
  target: '具体目标任务',
  leaders: '牵头区领导',
  units: '牵头单位',
  progress: '进展情况',
  co_units: '配合单位',
  deadline: '完成时限',
  notes: '备注',
};
const LIST_FIELDS: TaskField[] = ['leaders', 'units', 'co_units'];

function cellText(task: ParsedTask, field: TaskField): string {
  const v = (task as unknown as Record<string, unknown>)[field];
  if (Array.isArray(v)) return v.join('、');
  return v === null || v === undefined ? '' : String(v);
}

function withCell(task: ParsedTask, field: TaskField, text: string): ParsedTask {
  let value: unknown = text;
  if (LIST_FIELDS.includes(field))
    value = text
      .split(/[、，,；;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  else if (field === 'seq') value = Number(text) || task.seq;
  else if (field === 'theme' || field === 'category' || field === 'deadline' || field === 'notes')
    value = text.trim() || null;
  // A fixed cell no longer carries the parser's warning.
  return { ...task, [field]: value, warnings: task.warnings.filter((w) => w.field !== field) } as ParsedTask;
}

function toTask(t: ParsedTask): Task {
  const { warnings: _warnings, ...task } = t;
  void _warnings;
  return task;
}

export default function ImportPage() {
  const { message } = App.useApp();
  const { reload: reloadPlans, plans } = usePlan();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [rows, setRows] = useState<ParsedTask[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [rereading, setRereading] = useState(false);
  /** Names the office unified at import: table name → the spelling kept (sent as unit aliases). */
  const [unified, setUnified] = useState<Map<string, string>>(new Map());

  /** 统一为「keep」: every other name of the group becomes `keep` in the table, and an alias of it. */
  const unify = (group: string[], keep: string) => {
    const others = group.filter((n) => n !== keep);
    const spelt = (names: string[] | undefined) => names?.map((n) => (others.includes(n.trim()) ? keep : n));
    setRows((old) =>
      old.map((t) => ({ ...t, units: spelt(t.units)!, ...(t.co_units ? { co_units: spelt(t.co_units) } : {}) })),
    );
    setUnified((old) => new Map([...old, ...others.map((n) => [n, keep] as const)]));
  };
  const [form] = Form.useForm<{ planTitle: string; region: string; year: number; period: string }>();
  const planTitle = Form.useWatch('planTitle', form);
  const joined = plans.find((p) => p.title === planTitle?.trim());
  const planHint = !planTitle?.trim()
    ? null
    : joined
      ? '并入已有计划：任务按序号对应，本期报告记入所选报告期'
      : '将新建计划；若本表是已有计划另一期的进展，请从下拉列表中选择该计划';

  const upload = async (file: File) => {
    setUploadError(null);
    // The server refuses a file over its import limit (50 MB); saying so here names the limit and the size.
    if (file.size > IMPORT_MAX_MB * 1024 * 1024) {
      setUploadError(`文件太大（${fileSize(file.size)}），进展表文件最大 ${IMPORT_MAX_MB} MB。`);
      return false;
    }
    setUploading(true);
    try {
      const p = await imports.preview(file);
      setFile(file);
      setPreview(p);
      setRows(p.table.tasks);
      setUnified(new Map());
      // What the title does not tell (region, year, period) is left for the person to fill in.
      const { planTitle, region, year, period } = p.suggested;
      form.setFieldsValue({
        planTitle,
        region: region ?? undefined,
        year: year ?? undefined,
        period: period ?? undefined,
      });
    } catch (e) {
      setUploadError(messageOf(e));
    } finally {
      setUploading(false);
    }
    return false;
  };

  // The same file read again (edits start over): under the person's roles for the columns, or on
  // another worksheet of the workbook (with the roles guessed for its columns).
  const readAgain = async (columns: string | undefined, sheet: string | undefined) => {
    if (!file) return;
    setRereading(true);
    try {
      const p = await imports.preview(file, columns, sheet);
      setPreview(p);
      setRows(p.table.tasks);
      setUnified(new Map());
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setRereading(false);
    }
  };
  const reread = (roles: SourceColumnRole[]) => readAgain(roles.join(','), preview?.table.sheet);
  const readSheet = (sheet: string) => readAgain(undefined, sheet);

  const confirm = async () => {
    if (!preview) return;
    const meta = await form.validateFields();
    setConfirming(true);
    try {
      const s = await imports.confirm({
        fileName: preview.fileName,
        sha256: preview.sha256,
        ...meta,
        year: Number(meta.year),
        tasks: rows.map(toTask),
        unitAliases: [...unified].map(([name, unit]) => ({ name, unit })),
      });
      setSummary(s);
      reloadPlans();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setConfirming(false);
    }
  };

  const fields: TaskField[] = useMemo(() => {
    const base: TaskField[] = ['seq', 'theme', 'category', 'target', 'leaders', 'units'];
    const extra = (preview?.table.columns ?? []).filter((c) => !base.includes(c) && c !== 'progress');
    return [...base, ...extra, 'progress'];
  }, [preview]);

  const columns: TableProps<ParsedTask>['columns'] = fields.map((field) => ({
    title: FIELD_LABEL[field],
    key: field,
    width: field === 'seq' ? 70 : field === 'target' || field === 'progress' ? 280 : 130,
    fixed: field === 'seq' ? ('left' as const) : undefined,
    render: (_: unknown, task: ParsedTask, index: number) => (
      <EditableCell
        value={cellText(task, field)}
        label={`第 ${task.seq} 项 ${FIELD_LABEL[field]}`}
        warnings={task.warnings.filter((w) => w.field === field).map((w) => w.message)}
        onChange={(v) => setRows((old) => old.map((t, i) => (t === task || i === index ? withCell(t, field, v) : t)))}
      />
    ),
  }));
  columns.push({
    title: '其他提示',
    key: 'other',
    width: 200,
    render: (_, t) =>
      t.warnings
        .filter((w) => !w.field)
        .map((w, i) => (
          <Tag key={i} color="orange" style={{ whiteSpace: 'normal' }}>
            {w.message}
          </Tag>
        )),
  });

  const warned = rows.filter((t) => t.warnings.length > 0).length;
  // A group is settled once all but one of its names were unified into another.
  const similarGroups = (preview?.similarUnits ?? []).filter((g) => g.filter((n) => !unified.has(n)).length > 1);
  const step = summary ? 2 : preview ? 1 : 0;

  return (
    <div>
      <h1 className="page-title">导入进展表</h1>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: '上传文件' }, { title: '核对与修正' }, { title: '完成' }]}
      />
      {step === 0 && (
        <Card>
          <Upload.Dragger
            accept=".xlsx,.xls,.xml,.docx,.doc,.txt,.tsv,.csv,.html,.htm,.mht,.mhtml"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => upload(f as unknown as File)}
            disabled={uploading}
            aria-label="上传进展表文件"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在读取文件…' : '点击或拖拽进展表到这里'}</p>
            <p className="ant-upload-hint">
              支持 Excel（.xlsx / .xls，含 Excel 2003 XML）、Word（.docx / .doc）、另存的网页（.html /
              .mht）和从文档中复制出的文本（.txt / .tsv），最大 {IMPORT_MAX_MB}{' '}
              MB。上传后先预览，确认前不会保存任何内容。
            </p>
          </Upload.Dragger>
          {uploadError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title="无法读取该文件"
              description={uploadError}
              style={{ marginTop: 12 }}
            />
          )}
        </Card>
      )}
      {step === 1 && preview && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Paragraph>
              文件：<strong>{preview.fileName}</strong>　识别为{' '}
              {FORMAT_NAMES[preview.table.format] ?? preview.table.format}　共 <strong>{rows.length}</strong>{' '}
              项任务，其中 <strong style={{ color: warned ? '#d46b08' : undefined }}>{warned}</strong>{' '}
              项有提示。标橙色的单元格是系统推断或读不准的内容，点击可直接修改。
            </Typography.Paragraph>
            {(preview.table.sheets?.length ?? 0) > 1 && (
              <Typography.Paragraph>
                工作表：
                <Select<string>
                  size="small"
                  style={{ minWidth: 200 }}
                  value={preview.table.sheet}
                  disabled={rereading}
                  aria-label="选择要导入的工作表"
                  options={[
                    ...preview.table.sheets!.map((s) => ({ value: s.name, label: `${s.name}（${s.tasks} 项）` })),
                    // the sheets as parts of one plan (src/parse/sheet-choice.ts ALL_SHEETS)
                    {
                      value: '*',
                      label: `全部工作表（合并，${preview.table.sheets!.reduce((n, s) => n + s.tasks, 0)} 项）`,
                    },
                  ]}
                  onChange={readSheet}
                />
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  工作簿中有多个工作表含任务，请确认读取的是本期的表
                </Typography.Text>
              </Typography.Paragraph>
            )}
            {similarGroups.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title="以下单位名称可能指同一单位"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {similarGroups.map((g) => (
                      <li key={g.join('/')}>
                        {g.join(' / ')}{' '}
                        {g.map((name) => (
                          <Button key={name} size="small" type="link" onClick={() => unify(g, name)}>
                            统一为「{name}」
                          </Button>
                        ))}
                      </li>
                    ))}
                    <li style={{ listStyle: 'none', marginTop: 4 }}>
                      如是同一单位，请选择统一后的名称（另一写法会记住，以后导入自动对应）；不统一则会建成不同的单位。
                    </li>
                  </ul>
                }
              />
            )}
            {unified.size > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={`已统一：${[...unified].map(([name, unit]) => `${name} → ${unit}`).join('；')}`}
              />
            )}
            {preview.table.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title="表格提示"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {preview.table.warnings.map((w, i) => (
                      <li key={i}>{w.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Form form={form} layout="vertical">
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item
                    label="计划名称"
                    name="planTitle"
                    rules={[{ required: true, message: '请填写计划名称' }]}
                    extra={planHint}
                  >
                    {/* another period's table joins its plan by this name: the plans there are offered */}
                    <AutoComplete
                      options={plans.map((p) => ({ value: p.title }))}
                      filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item label="地区" name="region" rules={[{ required: true, message: '请填写地区' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    label="周期"
                    name="period"
                    rules={[{ required: true, message: '请填写周期，如 2023Q4' }]}
                    extra="如 2023Q4、2024-03"
                  >
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            <Space wrap>
              <Button type="primary" onClick={confirm} loading={confirming} disabled={rows.length === 0}>
                确认导入 {rows.length} 项
              </Button>
              <Button
                onClick={() => {
                  setPreview(null);
                  setRows([]);
                }}
              >
                重新上传
              </Button>
              <Button onClick={() => setOnlyWarnings((v) => !v)}>
                {onlyWarnings ? '显示全部' : `只看有提示的（${warned}）`}
              </Button>
            </Space>
          </Card>
          {preview.table.sourceColumns && preview.table.sourceColumns.length > 0 && (
            <ColumnRolePicker columns={preview.table.sourceColumns} busy={rereading} onChange={reread} />
          )}
          <Table<ParsedTask>
            loading={rereading}
            rowKey={(t) => `${t.seq}-${rows.indexOf(t)}`}
            size="small"
            bordered
            dataSource={onlyWarnings ? rows.filter((t) => t.warnings.length > 0) : rows}
            columns={columns}
            scroll={{ x: 1600, y: 560 }}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: '没有读到任务。请确认文件中有「序号」「具体目标任务」等表头。' }}
          />
        </>
      )}
      {step === 2 && summary && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${summary.created} 项，更新 ${summary.updated} 项，未变化 ${summary.unchanged} 项${summary.renumbered ? '；表中序号有重复，已按表中顺序编为 1—N 号' : ''}${summary.targetChanged.length ? `；目标有变化的序号：${summary.targetChanged.join('、')}` : ''}`}
          extra={[
            <Link key="tasks" to={`/tasks?planId=${summary.planId}&periodId=${summary.periodId}`}>
              <Button type="primary">查看任务清单</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setSummary(null);
                setPreview(null);
                setRows([]);
              }}
            >
              再导入一份
            </Button>,
          ]}
        />
      )}
    </div>
  );
}
