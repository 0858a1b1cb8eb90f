// The delivery worker records what went wrong as the network library or the robot said it
// (src/server/notify/worker.ts: "fetch failed", "HTTP 404: …", "errcode 310000: …"); the office reads
// it in Chinese. Unrecognised text is shown as it came.
export function deliveryErrorText(raw: string | null): string {
  if (!raw) return '';
  if (/fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN/i.test(raw)) return '无法连接到推送地址';
  if (/aborted|timeout|timed out/i.test(raw)) return '推送地址无响应（超时）';
  if (/redirect/i.test(raw)) return '推送地址要求跳转，未发送';
  const http = /^HTTP (\d{3})/.exec(raw);
  if (http) return `推送地址返回错误（HTTP ${http[1]}）`;
  const robot = /^errcode (\d+):\s*(.*)$/s.exec(raw);
  if (robot) return `机器人拒收（错误码 ${robot[1]}${robot[2] ? `：${robot[2]}` : ''}）`;
  if (raw === 'unknown error') return '未知错误';
  return raw;
}
