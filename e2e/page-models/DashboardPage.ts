// 驾驶舱: the status counts as the cards show them.
import type { Page } from 'playwright-core';

const STATUSES = ['done', 'on_track', 'behind', 'pending', 'no_report'] as const;

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.page.getByRole('heading', { name: '驾驶舱' }).waitFor();
    await this.page.getByRole('list', { name: '各状态任务数' }).waitFor();
  }

  async counts(): Promise<Record<(typeof STATUSES)[number], number>> {
    const out = {} as Record<(typeof STATUSES)[number], number>;
    for (const s of STATUSES) {
      const value = await this.page.getByTestId(`count-${s}`).locator('[data-count]').getAttribute('data-count');
      out[s] = Number(value);
    }
    return out;
  }

  /** The period the picker shows, as its label. */
  async periodLabel(): Promise<string> {
    // The <label> wraps the caption 周期 and the picker, which shows the chosen period.
    const text = await this.page
      .locator('label')
      .filter({ has: this.page.getByRole('combobox', { name: '周期' }) })
      .innerText();
    return text.replace(/^周期/, '').trim();
  }
}
