// Buttons that download a generated file: one file (DownloadButton) or a choice of formats
// (ExportMenu: .xlsx / .docx / .csv / .pdf). They show progress while the server works (a PDF
// takes seconds) and the server's reason when it refuses.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { App, Button, Dropdown } from 'antd';
import type { ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PROGRESS_FORMATS, type ProgressFormat } from '@duban/domain/publish';
import { messageOf } from '../api/client';
import { downloadFile } from '../lib/download';

type Query = Record<string, string | number | boolean | null | undefined>;

export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, path: string, query: Query, fallback: string) => {
    setBusy(key);
    const hide = message.loading('正在生成文件…', 0);
    try {
      const name = await downloadFile(path, query, fallback);
      message.success(`已下载：${name}`);
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      hide();
      setBusy(null);
    }
  };
  return { busy, run };
}

export function DownloadButton({
  path,
  query,
  fileName,
  children,
  ...button
}: { path: string; query: Query; fileName: string; children: ReactNode } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const { busy, run } = useDownload();
  return (
    <Button
      icon={<DownloadOutlined />}
      {...button}
      loading={busy !== null}
      onClick={() => run('one', path, query, fileName)}
    >
      {children}
    </Button>
  );
}

const FORMAT_LABEL: Record<ProgressFormat, string> = {
  xlsx: 'Excel（.xlsx）',
  docx: 'Word（.docx）',
  csv: 'CSV（.csv）',
  pdf: 'PDF（打印版）',
};

/** The formats GET /api/export writes (src/domain/publish.ts), in its order. */
export const EXPORT_FORMATS = PROGRESS_FORMATS.map((key) => ({ key, label: FORMAT_LABEL[key] }));

/** 导出 with a format menu; `query` is sent to /api/export with the chosen `format`. */
export function ExportMenu({ query, label = '导出', disabled }: { query: Query; label?: string; disabled?: boolean }) {
  const { busy, run } = useDownload();
  return (
    <Dropdown
      disabled={disabled || busy !== null}
      menu={{
        items: EXPORT_FORMATS.map((f) => ({ key: f.key, label: f.label })),
        onClick: ({ key }) => run(key, '/export', { ...query, format: key }, `export.${key}`),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} aria-label={`${label}（选择格式）`}>
        {label}
      </Button>
    </Dropdown>
  );
}
