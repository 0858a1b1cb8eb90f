// One catalogue of what every error code the server can answer means, in Chinese, shared by the
// server's documentation and the web app (which shows it whenever an answer carries no Chinese
// message of its own). A code missing here would reach a user as "请求失败（422）".
export const ERROR_MESSAGES: Record<string, string> = {
  bad_request: '请求有误，请检查填写的内容。',
  validation: '填写的内容不符合要求，请检查后重试。',
  unauthorized: '登录已失效，请重新登录。',
  invalid_credentials: '用户名或密码不正确。',
  forbidden: '没有权限进行此操作或查看此内容。',
  not_found: '要找的内容不存在或已被删除。',
  conflict: '内容已被他人修改，请刷新后再试。',
  too_large: '文件太大，超过了上传大小的上限。',
  headers_too_large: '请求头过大（Cookie 太多或过长），请清除本站 Cookie 后重试。',
  unsupported_format: '不支持该文件格式，请上传 .xlsx、.xls、.docx、.doc、.txt、.csv 或网页（.html/.mht）文件。',
  no_header: '没有找到表头，请确认文件是重点工作任务进展表。',
  bad_input: '文件或内容无法读取。',
  encrypted: '文件设有密码保护，无法读取。请在 Office/WPS 中取消密码后另存，再上传。',
  no_period: '没有识别出报告期，请在导入时选择报告期（如 2024Q1）。',
  closed_period: '该报告期已关闭，不能再修改。',
  rate_limited: '操作过于频繁，请稍后再试。',
  request_timeout: '请求超时，网络较慢时请稍后重试。',
  pdf_unavailable: '暂时无法生成 PDF，请先下载 Word 或 Excel 版本。',
  not_ready: '服务正在启动，请稍后再试。',
  sso_unknown: '统一身份认证的账号没有对应的督办系统账号，请联系管理员开通。',
  sso_disabled: '统一身份认证未启用。',
  db_unavailable: '数据库暂时不可用，请稍后再试。',
  db_incompatible: '数据库版本与本系统不匹配，请联系管理员。',
  internal: '服务器出错了，请稍后再试或联系管理员。',
};

/** The Chinese message for a code, or one naming the HTTP status when the code is unknown. */
export function errorMessageOf(code: string, status?: number): string {
  return (
    ERROR_MESSAGES[code] ??
    (status && status >= 500 ? ERROR_MESSAGES.internal : `请求失败${status ? `（${status}）` : ''}`)
  );
}
