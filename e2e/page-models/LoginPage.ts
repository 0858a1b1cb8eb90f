// The login page, as a user sees it: labelled fields and a button.
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('用户名').waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
    await this.page.getByRole('button', { name: '用户菜单' }).waitFor();
  }

  async loginAs(account: { username: string; password: string }): Promise<void> {
    await this.login(account.username, account.password);
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: '用户菜单' }).hover();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
    await this.page.getByLabel('用户名').waitFor();
  }
}
