// 审核: approve or return one submitted report.
import type { Page } from 'playwright-core';

export class ReviewPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/review');
    await this.page.getByRole('heading', { name: '审核' }).waitFor();
  }

  async returnTask(seq: number, comment: string): Promise<void> {
    await this.page.getByRole('button', { name: `退回任务 ${seq}`, exact: true }).click();
    await this.page.getByLabel('退回意见（责任单位会看到）').fill(comment);
    await this.page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await this.page.getByText('已退回').first().waitFor();
  }

  async approveTask(seq: number): Promise<void> {
    await this.page.getByRole('button', { name: `通过任务 ${seq}`, exact: true }).click();
    await this.page.getByText('已审核通过').waitFor();
  }

  async hasTask(seq: number): Promise<boolean> {
    return (await this.page.getByRole('button', { name: `通过任务 ${seq}`, exact: true }).count()) > 0;
  }
}
