// 证明材料 in the report form: the report's files (downloadable), an upload button with the accepted
// types and size limit shown and checked before sending, and 删除 for the uploader while the report
// is still the unit's to edit. Works with a phone's file picker and camera roll alike.
import { useState } from 'react';
import { App, Button, List, Space, Typography, Upload } from 'antd';
import { messageOf } from '../../api/client';
import { reports } from '../../api/endpoints';
import type { ReportDetail } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { fileSize } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { EVIDENCE_EXTENSIONS } from '@duban/workflow/rules';

interface Props {
  report: ReportDetail;
  editable: boolean;
  /** Called after an upload or delete, with the report as it now stands. */
  onChanged: () => void;
}

export function EvidencePanel({ report, editable, onChanged }: Props) {
  const me = useMe();
  const { message, modal } = App.useApp();
  const limit = useLoad(() => reports.uploadLimit(), []);
  const maxMb = limit.data?.upload.maxAttachmentMb ?? 10;
  const [busy, setBusy] = useState(false);
  const accept = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

  const upload = async (file: File) => {
    const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
    if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) {
      message.error(`不支持的文件类型“${ext ? `.${ext}` : file.name}”；允许：${EVIDENCE_EXTENSIONS.join('、')}`);
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      message.error(`文件太大（${fileSize(file.size)}），单个文件不超过 ${maxMb} MB`);
      return;
    }
    setBusy(true);
    try {
      await reports.attach(report.id, file);
      message.success(`已上传 ${file.name}`);
      onChanged();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = (a: ReportDetail['attachments'][number]) =>
    modal.confirm({
      title: '删除证明材料',
      content: `确定删除“${a.fileName}”？`,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await reports.removeAttachment(a.id);
          onChanged();
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });

  return (
    <div style={{ marginTop: 16 }} aria-label="证明材料" role="region">
      <Typography.Text strong>证明材料</Typography.Text>
      <List
        size="small"
        dataSource={report.attachments ?? []}
        locale={{ emptyText: '还没有上传证明材料。' }}
        renderItem={(a) => (
          <List.Item
            actions={
              editable && (me.role === 'admin' || a.uploadedBy === me.id)
                ? [
                    <Button key="del" type="link" danger size="small" onClick={() => remove(a)}>
                      删除
                    </Button>,
                  ]
                : []
            }
          >
            <a href={`/api/attachments/${a.id}`} download={a.fileName}>
              {a.fileName}
            </a>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {fileSize(a.size)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {editable && (
        <Space direction="vertical" size={4}>
          <Upload
            accept={accept}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={busy}>上传证明材料</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            支持 {EVIDENCE_EXTENSIONS.join('、')}，单个文件不超过 {maxMb} MB。
          </Typography.Text>
        </Space>
      )}
    </div>
  );
}
