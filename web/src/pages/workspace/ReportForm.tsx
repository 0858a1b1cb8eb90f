// The report form for one task in the open period: the target with its indicators, the
// office's comment when the report came back, a text area with the live assessment beside it,
// save as draft and submit. A stale version (someone else saved) is reported, not overwritten.
// Unsaved text is never lost: it is kept in this browser until saved (local-draft.ts), closing or
// leaving asks first, and a text over the limit is refused with a counter, never cut.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { ApiError, messageOf } from '../../api/client';
import { reports } from '../../api/endpoints';
import type { PeriodRow, ReportDetail, TaskListItem } from '../../api/types';
import { LoadError, PageLoading } from '../../components/Feedback';
import { Highlighted } from '../../components/Highlighted';
import { formatTime } from '../../lib/format';
import { targetMarks } from '../../lib/indicators';
import { REPORT_STATE_COLOR, REPORT_STATE_LABEL } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { usePhone } from '../../lib/useMediaQuery';
import { LiveAssessmentPanel, useLiveAssessment } from './LiveAssessment';
import { EvidencePanel } from './EvidencePanel';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from './local-draft';
import { REPORT_MAX_CHARS } from '@duban/domain/report';
import { instructions } from '../supervision/api';
import { ReportInstructions, type InReportAnswers } from './ReportInstructions';

interface Props {
  /** The task and its report of `period` (the workspace's list row, or task detail's period). */
  task: Pick<TaskListItem, 'seq' | 'target'> & { deadline?: string | null; report: { id: number } | null };
  period: PeriodRow;
  dueDatePassed: boolean;
  onClose: () => void;
  onChanged: () => void;
}

export function ReportForm({ task, period, dueDatePassed, onClose, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const phone = usePhone();
  const reportId = task.report?.id;
  const loaded = useLoad(() => reports.get(reportId!), [reportId], !!reportId);
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  // 批示 ticked 在本次填报中答复: answered when the report is submitted, in the same step.
  const [inReport, setInReport] = useState<InReportAnswers>(() => new Map());

  useEffect(() => {
    if (loaded.data) {
      setReport(loaded.data);
      const local = readLocalDraft(loaded.data.id);
      // Text typed here and not saved comes back, unless the report has moved on since (then it is dropped).
      if (local && local.text !== loaded.data.text && local.version === loaded.data.version) {
        setText(local.text);
        setDirty(true);
        setRestored(local.at);
      } else {
        setText(loaded.data.text ?? '');
        setDirty(false);
        if (local) clearLocalDraft(loaded.data.id);
      }
    }
  }, [loaded.data]);

  // Leaving the page (reload, closing the tab) with unsaved text asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const tooLong = text.length > REPORT_MAX_CHARS;
  const edit = (value: string) => {
    setText(value);
    setDirty(true);
    if (report) writeLocalDraft(report.id, value, report.version);
  };
  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({
      title: '有未保存的修改',
      content: '关闭后，未保存的内容暂存在本机浏览器中，下次打开这项任务时会自动恢复。确定关闭？',
      okText: '关闭',
      cancelText: '继续编辑',
      onOk: onClose,
    });
  };

  const live = useLiveAssessment(task.target, text, period.label, task.deadline);
  const editable = !!report && (report.state === 'draft' || report.state === 'returned') && period.state === 'open';

  const save = async (): Promise<ReportDetail | null> => {
    if (!report) return null;
    if (tooLong) {
      message.error(`内容共 ${text.length} 字，超过 ${REPORT_MAX_CHARS} 字的上限，请精简后再保存。`);
      return null;
    }
    try {
      const saved = await reports.save(report.id, text, report.version);
      setReport(saved);
      setDirty(false);
      setRestored(null);
      clearLocalDraft(saved.id);
      onChanged();
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict')
        message.error('这份报告已被他人修改。请复制您的内容，关闭后重新打开再填。');
      else message.error(messageOf(e));
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved) message.success('草稿已保存');
  };

  const onSubmit = async () => {
    if (!text.trim()) {
      message.warning('请先填写本期进展再提交。');
      return;
    }
    setBusy('submit');
    try {
      const saved = dirty || text !== report?.text ? await save() : report;
      if (!saved) return;
      const answers = [...inReport].map(([instructionId, answer]) => ({ instructionId, answer: answer.trim() }));
      const submitted = answers.length
        ? (await instructions.answerInReport({ reportId: saved.id, version: saved.version, answers })).report
        : await reports.submit(saved.id, saved.version);
      setReport(submitted);
      setInReport(new Map());
      onChanged();
      message.success(
        answers.length ? `已提交，等待督查科审核；${answers.length} 条批示已随本次填报答复` : '已提交，等待督查科审核',
      );
      onClose();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer
      open
      onClose={close}
      size={phone ? '100%' : 980}
      title={`填报 · 任务 ${task.seq} · ${period.label}`}
      destroyOnHidden
      extra={report && <Tag color={REPORT_STATE_COLOR[report.state]}>{REPORT_STATE_LABEL[report.state]}</Tag>}
    >
      {!reportId ? (
        <Alert type="warning" showIcon title="本期还没有这项任务的填报单" description="请联系督查科确认周期已开启。" />
      ) : loaded.error ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !report ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Typography.Paragraph>
              <Typography.Text strong>目标任务：</Typography.Text>
              <Highlighted
                text={task.target}
                marks={targetMarks(live.assessment?.indicators ?? report.assessment?.indicators ?? [])}
              />
            </Typography.Paragraph>
            <ReportInstructions
              taskId={report.taskId}
              canAnswerInReport={editable}
              value={inReport}
              onChange={setInReport}
            />
            {report.state === 'returned' && report.review && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title="督查科退回意见"
                description={`${report.review.comment}（${report.review.by?.name ?? ''} ${formatTime(report.review.at)}）`}
              />
            )}
            {report.state === 'submitted' && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已提交，等待审核；审核前不能修改。" />
            )}
            {report.state === 'approved' && (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} title="已审核通过。" />
            )}
            {period.state !== 'open' && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该周期已关闭，不能再修改。" />
            )}
            {restored && dirty && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={`已恢复 ${formatTime(restored)} 未保存的内容`}
                action={
                  <Button
                    size="small"
                    onClick={() => {
                      clearLocalDraft(report.id);
                      setText(report.text ?? '');
                      setDirty(false);
                      setRestored(null);
                    }}
                  >
                    放弃
                  </Button>
                }
              />
            )}
            <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
              <Form.Item
                label="本期进展情况"
                htmlFor="report-text"
                extra="写明本期完成的具体数字和时间段，例如「1-11月，全区固定资产投资增长8%」。"
              >
                <Input.TextArea
                  id="report-text"
                  value={text}
                  onChange={(e) => edit(e.target.value)}
                  autoSize={{ minRows: 8, maxRows: 20 }}
                  readOnly={!editable}
                  placeholder="请填写本期进展情况"
                  status={tooLong ? 'error' : undefined}
                  aria-describedby="report-count"
                />
              </Form.Item>
              <Typography.Paragraph
                id="report-count"
                data-testid="report-count"
                type={tooLong ? 'danger' : 'secondary'}
                style={{ marginTop: -16, textAlign: 'right' }}
              >
                {text.length} / {REPORT_MAX_CHARS} 字
                {tooLong ? `，超出 ${text.length - REPORT_MAX_CHARS} 字，请精简后再保存` : ''}
              </Typography.Paragraph>
              <Space wrap>
                <Button onClick={onSave} loading={busy === 'save'} disabled={!editable || busy !== null || tooLong}>
                  保存草稿
                </Button>
                <Button
                  type="primary"
                  onClick={onSubmit}
                  loading={busy === 'submit'}
                  disabled={!editable || busy !== null || tooLong}
                >
                  提交审核
                </Button>
                {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
                {!dirty && report.updatedAt && (
                  <Typography.Text type="secondary">最近保存 {formatTime(report.updatedAt)}</Typography.Text>
                )}
              </Space>
            </Form>
            <EvidencePanel
              report={report}
              editable={editable}
              onChanged={() => {
                // Evidence does not change the text or its version: only the file list is refreshed.
                void reports
                  .get(report.id)
                  .then((fresh) => setReport((r) => (r ? { ...r, attachments: fresh.attachments } : r)));
                onChanged();
              }}
            />
          </Col>
          <Col xs={24} lg={10}>
            <LiveAssessmentPanel
              text={text}
              assessment={live.assessment}
              error={live.error}
              periodLabel={period.label}
              dueDatePassed={dueDatePassed}
            />
            {live.source === 'server' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                预判由服务器计算。
              </Typography.Paragraph>
            )}
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
