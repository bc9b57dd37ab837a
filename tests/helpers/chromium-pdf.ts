import { chromium, type Browser } from '@playwright/test';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE } from '../../electron/main/print-options';

/**
 * The test twin of electron/main/pdf-printer.ts: the same HTML through Chromium's page.pdf (Debian's chromium, as
 * playwright.config.ts launches it), JavaScript disabled, offline, every request but the document refused.
 */
export interface ChromiumPdf {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startChromiumPdf(): Promise<ChromiumPdf> {
  let browser: Browser | null = null;
  const launch = async () =>
    (browser ??= await chromium.launch({
      executablePath: process.env.KIM_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    }));
  return {
    async print(html: string): Promise<Buffer> {
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: PDF_HEADER_TEMPLATE,
          footerTemplate: PDF_FOOTER_TEMPLATE,
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      await (browser as Browser | null)?.close();
    },
  };
}
