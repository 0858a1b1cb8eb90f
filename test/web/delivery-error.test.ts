// What the office reads when a DingTalk / WeCom / webhook delivery failed: the worker's recorded
// error (src/server/notify/worker.ts) in Chinese.
import { describe, expect, it } from 'vitest';
import { deliveryErrorText } from '../../web/src/pages/admin/deliveryError.js';

describe('deliveryErrorText', () => {
  it('names an unreachable address', () => {
    expect(deliveryErrorText('fetch failed')).toBe('无法连接到推送地址');
    expect(deliveryErrorText('connect ECONNREFUSED 10.1.2.3:443')).toBe('无法连接到推送地址');
  });

  it('names a timeout', () => {
    expect(deliveryErrorText('The operation was aborted due to timeout')).toBe('推送地址无响应（超时）');
  });

  it("gives the HTTP status of a refusing server, and a robot's error code with its message", () => {
    expect(deliveryErrorText('HTTP 404: <html>Not Found</html>')).toBe('推送地址返回错误（HTTP 404）');
    expect(deliveryErrorText('errcode 310000: 签名不匹配')).toBe('机器人拒收（错误码 310000：签名不匹配）');
  });

  it('keeps text it does not recognise, and says nothing for no error', () => {
    expect(deliveryErrorText('钉钉群已解散')).toBe('钉钉群已解散');
    expect(deliveryErrorText(null)).toBe('');
  });
});
