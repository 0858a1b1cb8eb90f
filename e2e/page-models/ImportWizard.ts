// 导入向导: upload a file, fix a cell, confirm.
import type { Page } from 'playwright-core';

export class ImportWizard {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/import');
    await this.page.getByRole('heading', { name: '导入进展表' }).waitFor();
  }

  async upload(file: string): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(file);
    await this.page.getByRole('button', { name: /确认导入/ }).waitFor({ timeout: 30_000 });
  }

  async warnedCells(): Promise<number> {
    return this.page.locator('[data-warning="true"]').count();
  }

  async editCell(label: RegExp | string, value: string): Promise<void> {
    const cell = this.page.getByRole('button', { name: label }).first();
    await cell.focus();
    await cell.press('Enter');
    // The editor carries the cell's label (第 N 项 字段).
    const editor = this.page.getByRole('textbox', { name: label }).first();
    await editor.fill(value);
    await editor.press('Enter');
  }

  async fillMeta(meta: { planTitle?: string; region?: string; year?: number; period?: string }): Promise<void> {
    if (meta.planTitle) await this.page.getByLabel('计划名称', { exact: true }).fill(meta.planTitle);
    if (meta.region) await this.page.getByLabel('地区', { exact: true }).fill(meta.region);
    if (meta.year) await this.page.getByLabel('年度', { exact: true }).fill(String(meta.year));
    if (meta.period) await this.page.getByLabel('周期', { exact: true }).fill(meta.period);
  }

  async confirm(): Promise<string> {
    await this.page.getByRole('button', { name: /确认导入/ }).click();
    await this.page.getByText('导入完成').waitFor({ timeout: 30_000 });
    return this.page.locator('.ant-result-subtitle').innerText();
  }
}
