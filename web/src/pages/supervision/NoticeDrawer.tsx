// One 督办单 opened: its text, tasks, level and deadline, the unit's feedback, the office's
// decision and the whole trail; the actions the caller's role may take on it now.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Descriptions, Drawer, Input, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { messageOf } from '../../api/client';
import type { Role } from '../../api/types';
import { DownloadButton } from '../../components/DownloadButton';
import { LoadError, PageLoading } from '../../components/Feedback';
import { fileSize, formatDate, formatTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { levelOf, NOTICE_STATE, supervision, type Level } from './api';
import { DECISION_COMMENT_MAX_CHARS, FEEDBACK_MAX_CHARS } from '@duban/domain/supervision';

const ACTION_LABEL: Record<string, string> = {
  'supervision.issue': '下发',
  'supervision.sign': '签收',
  'supervision.escalate': '逾期提级',
  'supervision.answer': '办结反馈',
  'supervision.evidence': '上传证明材料',
  'supervision.return': '退回',
  'supervision.accept': '审核办结',
};

/** A step of the trail in words; `set` is what the step set (an object, or null). */
function trailLine(action: string, set: unknown): string {
  const label = ACTION_LABEL[action] ?? action;
  const after = typeof set === 'object' && set !== null ? (set as Record<string, unknown>) : null;
  if (action === 'supervision.escalate' && after?.level)
    return `${label}：升为${levelOf(after.level as Level).label}，报分管领导，新期限 ${String(after.deadline)}`;
  if (action === 'supervision.return' && after?.comment) return `${label}：${String(after.comment)}`;
  return label;
}

export function LevelTag({ level }: { level: Level }) {
  const l = levelOf(level);
  return <Tag color={l.color}>{l.label}</Tag>;
}

export function NoticeDrawer({
  id,
  role,
  onClose,
  onChanged,
}: {
  id: number | null;
  role: Role;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const notice = useLoad(() => supervision.get(id!), [id], id != null);
  const [feedback, setFeedback] = useState('');
  const [comment, setComment] = useState('');
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      setFeedback('');
      setComment('');
      setDeadline('');
      notice.reload();
      onChanged();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const n = notice.data;
  const awaitingUnit = n && ['issued', 'signed', 'returned'].includes(n.state);
  return (
    <Drawer open={id != null} onClose={onClose} width={640} title={n ? `${n.number} ${n.title}` : '督办单'}>
      {notice.error ? (
        <LoadError error={notice.error} onRetry={notice.reload} />
      ) : !n ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="督办等级">
              <LevelTag level={n.level} />
              {n.escalations > 0 && <Tag color="red">已提级 {n.escalations} 次</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={NOTICE_STATE[n.state].color}>{NOTICE_STATE[n.state].label}</Tag>
              {n.overdue && <Tag color="red">已逾期</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="承办单位">{n.unit.name}</Descriptions.Item>
            <Descriptions.Item label="分管领导">{n.leaders.map((l) => l.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="办理期限">{formatDate(n.deadline)}</Descriptions.Item>
            <Descriptions.Item label="督办事项">
              <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>
              {n.tasks.map((t) => (
                <div key={t.id}>
                  <Link to={`/tasks/${t.id}`}>
                    {t.seq}. {t.target}
                  </Link>
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="反馈要求">{n.feedbackRequired}</Descriptions.Item>
            {n.feedback && <Descriptions.Item label="办结反馈">{n.feedback}</Descriptions.Item>}
            {n.evidence.length > 0 && (
              <Descriptions.Item label="证明材料">
                <Space direction="vertical" size={2}>
                  {n.evidence.map((f) => (
                    <DownloadButton
                      key={f.id}
                      size="small"
                      type="link"
                      path={`/supervision/${n.id}/evidence/${f.id}`}
                      query={{}}
                      fileName={f.fileName}
                    >
                      {f.fileName}（{fileSize(f.size)}）
                    </DownloadButton>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            {n.decisionComment && <Descriptions.Item label="审核意见">{n.decisionComment}</Descriptions.Item>}
          </Descriptions>
          <Space wrap>
            <DownloadButton
              path={`/supervision/${n.id}/docx`}
              query={{}}
              fileName={`${n.number}.docx`}
              aria-label="下载督办单"
            >
              下载督办单（.docx）
            </DownloadButton>
            {role === 'unit' && n.state === 'issued' && (
              <Button type="primary" loading={busy} onClick={() => act(() => supervision.sign(n.id), '已签收')}>
                签收
              </Button>
            )}
          </Space>
          {role === 'unit' && awaitingUnit && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <label htmlFor="notice-answer">办结反馈</label>
              <Input.TextArea
                id="notice-answer"
                rows={4}
                maxLength={FEEDBACK_MAX_CHARS}
                showCount
                value={feedback}
                onChange={(e) => setFeedback(e.target.value)}
                placeholder={n.feedbackRequired}
              />
              <Upload
                showUploadList={false}
                customRequest={({ file, onSuccess, onError }) => {
                  supervision
                    .upload(n.id, file as File)
                    .then((r) => {
                      onSuccess?.(r);
                      message.success('已上传证明材料');
                      notice.reload();
                    })
                    .catch((e: unknown) => {
                      onError?.(e as Error);
                      message.error(messageOf(e));
                    });
                }}
              >
                <Button icon={<UploadOutlined />}>上传证明材料</Button>
              </Upload>
              <Button
                type="primary"
                disabled={!feedback.trim()}
                loading={busy}
                onClick={() => act(() => supervision.answer(n.id, feedback), '已提交办结反馈')}
              >
                提交反馈
              </Button>
            </Space>
          )}
          {role === 'admin' && n.state === 'answered' && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <label htmlFor="notice-comment">审核意见（退回时必填）</label>
              <Input.TextArea
                id="notice-comment"
                rows={2}
                maxLength={DECISION_COMMENT_MAX_CHARS}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <label htmlFor="notice-new-deadline">新的办理期限（退回时可选）</label>
              <Input
                id="notice-new-deadline"
                type="date"
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
              <Space>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() =>
                    act(() => supervision.decide(n.id, { accept: true, comment: comment || undefined }), '已办结')
                  }
                >
                  同意办结
                </Button>
                <Button
                  danger
                  loading={busy}
                  disabled={!comment.trim()}
                  onClick={() =>
                    act(
                      () => supervision.decide(n.id, { accept: false, comment, deadline: deadline || undefined }),
                      '已退回',
                    )
                  }
                >
                  退回
                </Button>
              </Space>
            </Space>
          )}
          <div>
            <Typography.Title level={5}>办理过程</Typography.Title>
            <Timeline
              items={[...n.trail].reverse().map((a) => ({
                color: a.action === 'supervision.escalate' ? 'red' : 'blue',
                children: (
                  <span>
                    {formatTime(a.at)} {a.actor === 'system' ? '系统' : a.actor} {trailLine(a.action, a.after)}
                  </span>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
