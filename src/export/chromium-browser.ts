// One headless Chromium kept running and driven over the DevTools protocol on a pipe
// (`--remote-debugging-pipe`: commands on fd 3, answers on fd 4, NUL-separated JSON), so each
// PDF is a tab in a browser already started rather than a new browser (about 1.2 GB each). The
// browser starts on the first print, is shut down after a while without work, and is started
// again when it has died. Callers limit how many tabs print at once (src/server/export-queue.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { DubanError } from '../domain/index.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--remote-debugging-pipe',
];

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(err: Error): void;
}

type EventListener = (method: string, params: Record<string, unknown>, sessionId?: string) => void;

export interface BrowserOptions {
  /** Close the browser after this long without a print (it holds hundreds of MB while idle). */
  idleMs?: number;
  /** One print may take at most this long. */
  printTimeoutMs?: number;
}

/** A running Chromium and its protocol connection. */
class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private buffer = '';
  closed = false;

  constructor(
    readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
    readonly profileDir: string,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    const fail = () => this.close(new DubanError('internal', 'Chromium stopped unexpectedly'));
    child.once('exit', fail);
    child.once('error', fail);
    input.on('error', fail);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new DubanError('internal', `Chromium: ${message.error.message}`));
        else waiter?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listen of this.listeners) listen(message.method, message.params ?? {}, message.sessionId);
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new DubanError('internal', 'Chromium is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves when `method` arrives for the session. */
  waitFor(method: string, sessionId: string): { done: Promise<void>; cancel(): void } {
    let listener: EventListener = () => {};
    const done = new Promise<void>((resolve) => {
      listener = (m, _p, s) => {
        if (m === method && s === sessionId) resolve();
      };
      this.listeners.add(listener);
    });
    return { done: done.finally(() => this.listeners.delete(listener)), cancel: () => this.listeners.delete(listener) };
  }

  close(reason = new DubanError('internal', 'Chromium was closed')): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(reason);
    this.pending.clear();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    void rm(this.profileDir, { recursive: true, force: true }).catch(() => {});
  }
}

/** A reusable headless Chromium that prints HTML pages to PDF, one tab per print. */
export class ChromiumBrowser {
  private connection: Promise<Connection> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private active = 0;
  private readonly idleMs: number;
  private readonly printTimeoutMs: number;

  constructor(
    private readonly binary: string,
    options: BrowserOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 60_000;
    this.printTimeoutMs = options.printTimeoutMs ?? 120_000;
  }

  /** How many Chromium processes this browser has started so far (tests check the reuse). */
  launches = 0;

  private async launch(): Promise<Connection> {
    const profileDir = await mkdtemp(join(tmpdir(), 'duban-chromium-'));
    this.launches++;
    const child = spawn(this.binary, [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    // A CLI export must be able to exit with the browser still running; it is killed on exit.
    child.unref();
    const [, , , input, output] = child.stdio as unknown as [null, null, null, Writable, Readable];
    (input as unknown as { unref?: () => void }).unref?.();
    (output as unknown as { unref?: () => void }).unref?.();
    const connection = new Connection(child, input, output, profileDir);
    const killOnExit = () => connection.close();
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    try {
      await withTimeout(connection.send('Browser.getVersion'), 30_000, 'Chromium did not start');
    } catch (err) {
      connection.close();
      throw err;
    }
    return connection;
  }

  private async connect(): Promise<Connection> {
    const current = this.connection ? await this.connection.catch(() => null) : null;
    if (current && !current.closed) return current;
    this.connection = this.launch();
    this.connection.catch(() => (this.connection = null));
    return this.connection;
  }

  /** Prints the page (its own `@page` size and margins) to PDF bytes. */
  printToPdf(html: string): Promise<Uint8Array> {
    return this.inTab(html, 'Chromium took too long to print', async (connection, sessionId) => {
      const { data } = (await connection.send(
        'Page.printToPDF',
        { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false },
        sessionId,
      )) as { data: string };
      return new Uint8Array(Buffer.from(data, 'base64'));
    });
  }

  /** Renders the page in a width × height viewport, `scale` device pixels per CSS pixel, as PNG bytes. */
  screenshotPng(html: string, width: number, height: number, scale = 2): Promise<Uint8Array> {
    return this.inTab(
      html,
      'Chromium took too long to draw',
      async (connection, sessionId) => {
        const { data } = (await connection.send(
          'Page.captureScreenshot',
          { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } },
          sessionId,
        )) as { data: string };
        return new Uint8Array(Buffer.from(data, 'base64'));
      },
      { width, height, deviceScaleFactor: scale, mobile: false },
    );
  }

  /** Opens the page in a new tab of the running browser and lets `work` take what it needs from it. */
  private async inTab<T>(
    html: string,
    timeoutMessage: string,
    work: (connection: Connection, sessionId: string) => Promise<T>,
    viewport?: { width: number; height: number; deviceScaleFactor: number; mobile: boolean },
  ): Promise<T> {
    this.active++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const dir = await mkdtemp(join(tmpdir(), 'duban-page-'));
    try {
      const page = join(dir, 'page.html');
      await writeFile(page, html, 'utf8');
      const connection = await this.connect();
      try {
        return await withTimeout(
          this.openIn(connection, pathToFileURL(page).href, work, viewport),
          this.printTimeoutMs,
          timeoutMessage,
        );
      } catch (err) {
        // A browser that hangs or fails a print is not trusted with the next one.
        connection.close();
        throw err;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      this.active--;
      if (this.active === 0) {
        this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
        this.idleTimer.unref();
      }
    }
  }

  private async openIn<T>(
    connection: Connection,
    url: string,
    work: (connection: Connection, sessionId: string) => Promise<T>,
    viewport?: { width: number; height: number; deviceScaleFactor: number; mobile: boolean },
  ): Promise<T> {
    const { targetId } = (await connection.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    try {
      const { sessionId } = (await connection.send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      await connection.send('Page.enable', {}, sessionId);
      if (viewport) await connection.send('Emulation.setDeviceMetricsOverride', viewport, sessionId);
      const loaded = connection.waitFor('Page.loadEventFired', sessionId);
      const nav = (await connection.send('Page.navigate', { url }, sessionId)) as { errorText?: string };
      if (nav.errorText) {
        loaded.cancel();
        throw new DubanError('internal', `Chromium could not open the page: ${nav.errorText}`);
      }
      await loaded.done;
      return await work(connection, sessionId);
    } finally {
      await connection.send('Target.closeTarget', { targetId }).catch(() => {});
    }
  }

  /** Stops the browser (it starts again on the next print). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const pending = this.connection;
    this.connection = null;
    const connection = pending ? await pending.catch(() => null) : null;
    connection?.close();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DubanError('internal', message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
