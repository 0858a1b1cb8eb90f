// 我的填报 and its report form.
import type { Locator, Page } from 'playwright-core';

export class WorkspacePage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/workspace');
    await this.page.getByRole('heading', { name: /我的填报/ }).waitFor();
  }

  /** Opens a task's form in the first period shown (the overdue one when several are open). */
  async openTask(seq: number): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^填报任务 ${seq}（`) })
      .first()
      .click();
    await this.page.getByRole('dialog').waitFor();
    await this.reportText.waitFor();
  }

  get reportText(): Locator {
    return this.page.getByLabel('本期进展情况');
  }

  /** The live status code shown by the form (`no_report`, `behind`, `done` …). */
  async liveStatus(): Promise<string | null> {
    return this.page.getByTestId('live-status').getAttribute('data-status');
  }

  async waitForLiveStatus(status: string): Promise<void> {
    await this.page.locator(`[data-testid="live-status"][data-status="${status}"]`).waitFor();
  }

  async type(text: string): Promise<void> {
    await this.reportText.fill('');
    await this.reportText.pressSequentially(text, { delay: 5 });
  }

  async saveDraft(): Promise<void> {
    await this.page.getByRole('button', { name: '保存草稿' }).click();
    await this.page.getByText('草稿已保存').waitFor();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '提交审核' }).click();
    await this.page.getByText('已提交，等待督查科审核').waitFor();
  }

  returnedComment(comment: string): Locator {
    return this.page.getByText(comment);
  }
}
