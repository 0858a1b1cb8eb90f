// The assessment of the text being typed, recomputed as the reporter types: status, light,
// reason and the figures found, so a unit sees how the office will read its report.
import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import { missingFiguresHint } from '@duban/assess/missing-hint';
import { lightOf } from '@duban/domain/light';
import { parsePeriod } from '@duban/domain/period';
import type { Assessment } from '../../api/types';
import { Highlighted } from '../../components/Highlighted';
import { LightDot } from '../../components/LightDot';
import { StatusTag } from '../../components/StatusTag';
import { browserAssessor, serverAssess } from '../../lib/assess';
import type { Assessor } from '../../lib/assess';
import { actualMarks, formatValue } from '../../lib/indicators';

export function useLiveAssessment(
  target: string,
  text: string,
  periodLabel: string,
  deadline?: string | null,
): { assessment: Assessment | null; source: 'browser' | 'server' | null; error: string | null } {
  const [assessor, setAssessor] = useState<Assessor | null | undefined>(undefined);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    void browserAssessor(periodLabel).then((a) => live && setAssessor(() => a));
    return () => {
      live = false;
    };
  }, [periodLabel]);

  useEffect(() => {
    if (assessor === undefined) return;
    if (assessor) {
      // In the browser: synchronous and fast, so every keystroke is assessed.
      try {
        setAssessment(assessor(target, text, deadline));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
      return;
    }
    // Server fallback: debounce and keep only the newest answer.
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      serverAssess(target, text, periodLabel, deadline)
        .then((a) => mine === seq.current && (setAssessment(a), setError(null)))
        .catch(() => mine === seq.current && setError('暂时无法预判状态，保存后以系统判定为准。'));
    }, 350);
    return () => clearTimeout(timer);
  }, [assessor, target, text, periodLabel, deadline]);

  return { assessment, source: assessor === undefined ? null : assessor ? 'browser' : 'server', error };
}

export function LiveAssessmentPanel({
  text,
  assessment,
  error,
  periodLabel,
  dueDatePassed,
}: {
  text: string;
  assessment: Assessment | null;
  error: string | null;
  periodLabel: string;
  dueDatePassed: boolean;
}) {
  const period = parsePeriod(periodLabel);
  const light = assessment ? lightOf(assessment, { dueDatePassed, periodEndMonth: period?.endMonth }) : 'grey';
  const found = (assessment?.indicators ?? []).filter((i) => i.actual !== null);
  // the target's figures the text does not give yet: all of them before anything is typed
  const missingHint = missingFiguresHint(
    !assessment
      ? []
      : text.trim()
        ? (assessment.missing_figures ?? [])
        : assessment.indicators.filter((i) => i.kind !== 'level').map((i) => i.metric),
  );
  return (
    <Card
      size="small"
      title="系统预判（随输入实时更新）"
      role="region"
      aria-label="系统预判"
      style={{ background: '#fcfcfc' }}
    >
      {error && <Alert type="warning" showIcon title={error} style={{ marginBottom: 8 }} />}
      {!assessment ? (
        <Typography.Text type="secondary">正在准备预判…</Typography.Text>
      ) : (
        <div aria-live="polite">
          <Space size={8} wrap>
            <LightDot light={light} withLabel />
            <span data-testid="live-status" data-status={assessment.status}>
              <StatusTag status={assessment.status} />
            </span>
          </Space>
          {missingHint && (
            <Alert type="info" showIcon title={missingHint} style={{ margin: '8px 0' }} data-testid="live-missing" />
          )}
          <div style={{ margin: '8px 0' }} data-testid="live-reason">
            <Typography.Text strong>依据：</Typography.Text>
            {assessment.reason}
          </div>
          {found.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {found.map((i, n) => (
                <li key={n}>
                  {i.metric}：{i.actual_period ? `${i.actual_period} ` : ''}
                  {formatValue(i.actual, i.unit)}（确保 {formatValue(i.floor, i.unit)}）
                </li>
              ))}
            </ul>
          )}
          {text && found.length > 0 && (
            <div style={{ marginTop: 8, fontSize: 13, color: '#555' }}>
              <Highlighted text={text} marks={actualMarks(assessment.indicators)} />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
