import type { Locator } from '@playwright/test';
import sharp from 'sharp';
import { heicBytes, interviewNotes, tinyPdf } from '../fixtures/evidence-files.ts';
import { phoneJpeg } from '../helpers/photos.ts';
import { expect, firstRun, screenshot, test, type Page } from './fixtures.ts';
import { carry, laptop } from './laptops.ts';
import { openDemoPseudo, sweep } from './pseudo-sweep.ts';
import { en } from '../../renderer/src/i18n/en/index.ts';
import { pseudoLocalize as pseudo } from '../../renderer/src/i18n/pseudo.ts';

/*
 * Evidence files (issue 16) as an auditor uses them: attached to a reference by the file dialog (A),
 * the camera roll, a paste and a drop on the list; previewed (text, a PDF drawn by pdf.js, photos and
 * a pasted screenshot through blob: URLs); removed and brought back; refused with what to do; and
 * carried to the lead in a return package without files ("held by") and then with them.
 */

const PDF = { name: 'Change management policy v3.2.pdf', mimeType: 'application/pdf', buffer: tinyPdf(2) };
const NOTES = { name: 'Interview notes CAB.txt', mimeType: 'text/plain', buffer: interviewNotes() };

/** A screenshot as the clipboard holds one: a PNG with something drawn on it. */
async function screenshotPng(): Promise<Buffer> {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#f1f3f5"/><rect x="20" y="20" width="600" height="48" fill="#364fc7"/><text x="36" y="52" font-size="22" fill="white" font-family="sans-serif">ServiceNow › Change › CHG-10422</text><rect x="20" y="90" width="380" height="24" fill="#adb5bd"/><rect x="20" y="130" width="520" height="24" fill="#ced4da"/><rect x="20" y="170" width="300" height="24" fill="#2f9e44"/></svg>',
  );
  return sharp(svg).png().toBuffer();
}

/** Pastes into the page as Ctrl+V does: a paste event whose clipboard holds the given files and text. */
async function paste(page: Page, files: { name: string; type: string; bytes: number[] }[], text = ''): Promise<void> {
  await page.evaluate(
    ({ files: list, text: plain }) => {
      const data = new DataTransfer();
      for (const file of list) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      if (plain) data.setData('text/plain', plain);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { files, text },
  );
}

/** Drops files on an element as a drag from the desktop does (dragenter, dragover, drop with the files). */
async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; bytes: number[] }[]): Promise<void> {
  const data = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return transfer;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  await target.dispatchEvent('drop', { dataTransfer: data });
}

const asPage = (file: { name: string; mimeType: string; buffer: Buffer }) => ({ name: file.name, type: file.mimeType, bytes: [...file.buffer] });

/** How many pixels of a canvas are not white: a drawn PDF page has many. */
const inkedPixels = (canvas: Locator) =>
  canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) inked++;
    return inked;
  });

async function openEvidence(page: Page, demoButton = 'Open the demo engagement', heading = 'Evidence'): Promise<void> {
  await page.getByRole('button', { name: demoButton }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+7');
  await page.keyboard.press('Alt+Shift+3');
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

const row = (page: Page, title: string) => page.locator(`[data-testid="evidence-row"][data-title="${title}"]`);
const fileRow = (page: Page, name: string) => page.getByTestId('evidence-files').locator(`[data-testid="evidence-file"][data-name="${name}"]`);
const done = (page: Page, name: string) => page.locator(`[data-testid="upload-done"][data-file="${name}"]`);

/** The first reference of the list, chosen: its title. */
async function chooseFirst(page: Page): Promise<string> {
  const first = page.getByTestId('evidence-row').first();
  const title = (await first.getAttribute('data-title'))!;
  await first.click();
  await expect(page.getByTestId('evidence-editor')).toBeVisible();
  return title;
}

test('evidence files: attached by A, the camera roll, paste and drop; previewed; removed with undo; refusals said', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(180_000);
  await page.goto(host.url);
  await firstRun(page);
  await openEvidence(page);
  const title = await chooseFirst(page);
  const files = page.getByTestId('evidence-files');
  await expect(files.getByTestId('evidence-files-empty')).toBeVisible();
  await expect(files.getByTestId('photo-policy')).toHaveText('Photos: capture time and location kept as proof of presence (the certification body’s policy)');

  // A opens the file dialog: a text file and a PDF, sent one after the other.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('evidence-list').focus();
  await page.keyboard.press('a');
  await (await chooser).setFiles([NOTES, PDF]);
  await expect(done(page, NOTES.name)).toHaveText(`“${NOTES.name}” attached.`);
  await expect(done(page, PDF.name)).toBeVisible();
  await expect(files.getByTestId('evidence-file')).toHaveCount(2);
  await expect(row(page, title).getByTestId('evidence-file-count')).toHaveText('2');
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-01-attached-en');

  // Enter on a file previews it: the text's start in a monospace block.
  await fileRow(page, NOTES.name).click();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog');
  await expect(preview.getByTestId('preview-text')).toContainText('Interview notes — change management, 7 Dec 2026');
  await expect(preview.getByTestId('preview-text')).toContainText('变更已由变更顾问委员会批准');
  await screenshot(page, 'evidence-files-02-preview-text-en');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The PDF drawn to a canvas by the bundled pdf.js, page 1 of 2, → to page 2.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await expect(preview.getByTestId('pdf-page')).toHaveAttribute('data-drawn', '1', { timeout: 30_000 });
  await expect(preview.getByTestId('pdf-page')).toHaveText('Page 1 of 2');
  expect(await inkedPixels(preview.getByTestId('pdf-canvas'))).toBeGreaterThan(5000);
  await screenshot(page, 'evidence-files-03-preview-pdf-en');
  await page.keyboard.press('ArrowRight');
  await expect(preview.getByTestId('pdf-page')).toHaveAttribute('data-drawn', '2');
  await expect(preview.getByTestId('pdf-page')).toHaveText('Page 2 of 2');
  await page.keyboard.press('Escape');

  // A photo from the camera roll: who permitted it is asked first, then the CB's policy keeps time and place.
  await files.getByTestId('add-photo-input').setInputFiles({ name: 'IMG_4417.JPG', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 800, height: 600 }) });
  const permission = page.getByRole('dialog', { name: 'Who permitted the photographs?' });
  await expect(permission).toBeVisible();
  await permission.getByTestId('photo-permission-name').fill('Sam Okafor, Service Delivery Manager');
  await screenshot(page, 'evidence-files-04-permission-en');
  await permission.getByTestId('photo-permission-name').press('Enter');
  await expect(done(page, 'IMG_4417.JPG').getByTestId('upload-note')).toHaveText('Capture time and location kept as proof of presence (the certification body’s policy).');
  const details = files.getByTestId('file-details');
  await fileRow(page, 'IMG_4417.JPG').click();
  await expect(details.getByTestId('file-captured-at')).toHaveValue('2026-03-14T09:26:53');
  await expect(details.getByText('UTC+08:00, as the photo states')).toBeVisible();
  await expect(details.getByTestId('file-latitude')).toHaveValue(/^31\.229/);
  await expect(details.getByTestId('file-permitted-by')).toHaveValue('Sam Okafor, Service Delivery Manager');
  await expect(fileRow(page, 'IMG_4417.JPG').getByTestId('file-thumbnail')).toBeVisible();
  await details.getByTestId('file-caption').fill('Rack 4 in hall B: the change freeze notice on the door');
  await details.getByTestId('file-caption').blur();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-05-photo-details-en');
  await fileRow(page, 'IMG_4417.JPG').getByTestId('file-preview-button').click();
  await expect(preview.getByTestId('preview-image')).toHaveJSProperty('complete', true);
  expect(await preview.getByTestId('preview-image').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await expect(preview.getByTestId('preview-image')).toHaveAttribute('src', /^blob:/);
  await screenshot(page, 'evidence-files-06-preview-photo-en');
  await preview.getByTestId('preview-full-size').click();
  await expect(preview.getByText('800 × 600 px')).toBeVisible();
  await page.keyboard.press('Escape');

  // Ctrl+V with a screenshot on the clipboard: attached to the chosen reference as a screenshot.
  const png = await screenshotPng();
  await paste(page, [{ name: 'image.png', type: 'image/png', bytes: [...png] }]);
  const pasted = page.getByTestId('upload-done').filter({ hasText: /Screenshot \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.png/ });
  await expect(pasted).toBeVisible();
  const screenshotName = (await pasted.getAttribute('data-file'))!;
  await fileRow(page, screenshotName).getByTestId('file-preview-button').click();
  await expect(preview.getByTestId('preview-image')).toHaveAttribute('src', /^blob:/);
  expect(await preview.getByTestId('preview-image').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await screenshot(page, 'evidence-files-07-preview-screenshot-en');
  await page.keyboard.press('Escape');

  // An SVG with a script is stored, and only ever shown as its text.
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><script>document.title = "pwned"</script><rect width="200" height="80" fill="red"/></svg>';
  await files.getByTestId('attach-file-input').setInputFiles({ name: 'Network diagram.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await expect(done(page, 'Network diagram.svg')).toBeVisible();
  await fileRow(page, 'Network diagram.svg').getByTestId('file-preview-button').click();
  await expect(preview.getByTestId('preview-svg-note')).toHaveText('SVG can hold scripts: shown as text, never drawn.');
  await expect(preview.getByTestId('preview-text')).toHaveText(svg);
  await expect(preview.locator('svg rect[fill="red"]')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  await screenshot(page, 'evidence-files-07b-preview-svg-en');
  await page.keyboard.press('Escape');
  await fileRow(page, 'Network diagram.svg').getByTestId('file-remove').click();
  await expect(fileRow(page, 'Network diagram.svg')).toHaveCount(0);

  // A paste with no image says how to take one.
  await paste(page, [], 'just some text');
  await expect(page.getByTestId('paste-no-image')).toHaveText(/The clipboard holds no image: take a screenshot \(PrtScn, Win\+Shift\+S, Cmd\+Shift\+4\) and paste again\./);
  await page.getByTestId('paste-no-image').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-08-paste-no-image-en');

  // Refusals: a HEIC from the camera roll, an empty file. Nothing is attached.
  await files.getByTestId('add-photo-input').setInputFiles({ name: 'IMG_4418.HEIC', mimeType: 'image/heic', buffer: heicBytes() });
  await expect(page.getByTestId('upload-failed').filter({ hasText: 'IMG_4418.HEIC' }).getByRole('alert')).toHaveAttribute('data-error-code', 'EVIDENCE_FORMAT_REFUSED');
  await expect(page.getByTestId('upload-failed').filter({ hasText: 'IMG_4418.HEIC' })).toContainText('Convert it to JPEG or PNG first');
  await files.getByTestId('attach-file-input').setInputFiles({ name: 'empty export.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('upload-failed').filter({ hasText: 'empty export.csv' }).getByRole('alert')).toHaveAttribute('data-error-code', 'EVIDENCE_FILE_EMPTY');
  await expect(files.getByTestId('evidence-file')).toHaveCount(4);
  await page.getByTestId('upload-failed').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-09-refusals-en');

  // A large export, cancelled while it is sent: aborted, nothing attached.
  await files.getByTestId('attach-file-input').setInputFiles({ name: 'ServiceNow change export 2026.csv', mimeType: 'text/csv', buffer: Buffer.alloc(48 * 1024 * 1024, 'CHG-10422,Normal,Closed\n') });
  const progress = page.locator('[data-testid="upload-progress"][data-file="ServiceNow change export 2026.csv"]');
  await expect(progress).toContainText(/[\d.,]+ MB of 48\.0 MB/);
  await progress.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-09b-progress-en');
  await progress.getByTestId('upload-cancel').click();
  await expect(page.getByTestId('upload-cancelled')).toHaveText('“ServiceNow change export 2026.csv”: cancelled. Nothing was attached.');
  await expect(files.getByTestId('evidence-file')).toHaveCount(4);

  // Remove a file: the reference and its trail stay; Undo brings the file back.
  await fileRow(page, NOTES.name).getByTestId('file-remove').click();
  await expect(fileRow(page, NOTES.name)).toHaveCount(0);
  const toast = page.getByText(`“${NOTES.name}” removed from “${title}”. The reference, where it is used and its audit trail stay.`);
  await expect(toast).toBeVisible();
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-10-removed-en');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(fileRow(page, NOTES.name)).toBeVisible();

  // Files dropped on the list: a new reference titled by the file's name; the same PDF there is stored once.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await dropFiles(page, page.getByTestId('evidence-list'), [asPage(PDF)]);
  await expect(done(page, PDF.name)).toContainText('attached to “Change management policy v3.2”');
  await expect(done(page, PDF.name).getByTestId('upload-note')).toHaveText('The same file was already in this engagement: it is stored once and attached here too.');
  await expect(page.getByTestId('evidence-editor').getByLabel('Title')).toHaveValue('Change management policy v3.2');
  await fileRow(page, PDF.name).click();
  await expect(files.getByTestId('file-also-attached')).toHaveText(`Also attached to: “${title}”`);
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-11-dropped-new-reference-en');

  // Kept on reopening: the files, the caption.
  await page.getByRole('button', { name: 'Close engagement' }).click();
  await page.getByTestId('recent-row').filter({ hasText: 'Kestrel Data Services Ltd' }).click();
  await expect(page.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 2, name: 'Fieldwork' })).toBeVisible();
  await page.keyboard.press('Alt+Shift+3');
  await row(page, title).click();
  await expect(page.getByTestId('evidence-files').getByTestId('evidence-file')).toHaveCount(4);
  await fileRow(page, 'IMG_4417.JPG').click();
  await expect(page.getByTestId('file-caption')).toHaveValue('Rack 4 in hall B: the change freeze notice on the door');
});

test('证据附件（中文）：附加照片、预览 PDF、粘贴无图像、生成返回包时选择是否包含附件', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(150_000);
  await page.goto(host.url);
  await page.getByRole('radio', { name: /^简体中文/ }).check();
  await page.getByPlaceholder('例如：王海伦').fill('王海伦');
  await page.getByLabel('姓名缩写').fill('WHL');
  await page.getByRole('button', { name: '开始使用' }).click();
  // This journey works on the English demo with the interface in Chinese (the Chinese demo is the twin).
  await openEvidence(page, '英文演示项目', '证据');
  // A screenshot pasted with no reference chosen makes a new one, "截图 <date time>", chosen at once.
  await paste(page, [{ name: 'image.png', type: 'image/png', bytes: [...(await screenshotPng())] }]);
  await expect(page.getByTestId('evidence-editor').getByLabel('标题')).toHaveValue(/^截图 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByTestId('evidence-editor').getByLabel('类别')).toHaveValue('截图');
  await expect(page.getByTestId('evidence-files').getByTestId('evidence-file')).toHaveCount(1);
  await expect(page.getByTestId('evidence-row')).toHaveCount(9);
  await chooseFirst(page);
  const files = page.getByTestId('evidence-files');
  await expect(files.getByTestId('evidence-files-empty')).toBeVisible();
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-20-empty-zh');

  await files.getByTestId('attach-file-input').setInputFiles([PDF]);
  await expect(done(page, PDF.name)).toHaveText(`“${PDF.name}”已附加。`);
  await files.getByTestId('add-photo-input').setInputFiles({ name: 'IMG_5001.JPG', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 640, height: 480 }) });
  const permission = page.getByRole('dialog', { name: '谁允许拍照？' });
  await permission.getByTestId('photo-permission-name').fill('王敏，服务交付经理');
  await screenshot(page, 'evidence-files-21-permission-zh');
  await permission.getByTestId('photo-permission-attach').click();
  await expect(done(page, 'IMG_5001.JPG').getByTestId('upload-note')).toHaveText('已按认证机构的拍照规定保留拍摄时间和位置作为到场证明。');
  await fileRow(page, 'IMG_5001.JPG').click();
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-22-attached-zh');

  await fileRow(page, PDF.name).getByTestId('file-preview-button').click();
  const preview = page.getByRole('dialog');
  await expect(preview.getByTestId('pdf-page')).toHaveAttribute('data-drawn', '1', { timeout: 30_000 });
  await expect(preview.getByTestId('pdf-page')).toHaveText('第 1 页，共 2 页');
  await screenshot(page, 'evidence-files-23-preview-pdf-zh');
  await page.keyboard.press('Escape');

  await paste(page, [], '一段文字');
  await expect(page.getByTestId('paste-no-image')).toContainText('剪贴板中没有图像');
  await files.getByTestId('add-photo-input').setInputFiles({ name: 'IMG_5002.HEIC', mimeType: 'image/heic', buffer: heicBytes() });
  await expect(page.getByTestId('upload-failed')).toContainText('无法附加此类图像');
  await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-24-refusals-zh');

  // The lead's own return package: the files attached here can travel with it.
  await page.getByTestId('nav-team').click();
  await page.getByRole('button', { name: '生成返回包…' }).click();
  const exporter = page.getByRole('dialog', { name: '生成返回包' });
  await expect(exporter.getByTestId('include-files')).toBeChecked();
  // The count is of attached files (a photo's report copy travels with it, uncounted); the size is every byte sent.
  await expect(exporter.getByText(/^包含证据附件（\d+ 个文件，[\d.,]+ kB）$/)).toBeVisible();
  await screenshot(page, 'evidence-files-25-export-zh');
  await exporter.getByRole('button', { name: '取消' }).click();
});


test('return packages: without files the lead sees “held by”, a later package with files brings them', async ({ page, host, browser, problems }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await firstRun(page, 'Helen Marsh', 'HM');
  await page.getByRole('button', { name: 'Open the demo engagement' }).click();
  await page.getByTestId('nav-team').click();
  await page.getByTestId('team-row').filter({ has: page.locator('input[value="Rajesh Iyer"]') }).getByRole('button', { name: 'Make member copy…' }).click();
  const saveCopy = page.getByRole('dialog', { name: 'Member copy for Rajesh Iyer' });
  await saveCopy.getByLabel('File name').fill('Kestrel - Rajesh');
  await saveCopy.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByTestId('sha-result')).toContainText('Member copy for Rajesh Iyer saved');

  const rajesh = await laptop(browser, 'rajesh', problems);
  try {
    carry(host, rajesh.host, 'Kestrel - Rajesh.iso20k');
    const other = rajesh.page;
    await firstRun(other, 'Rajesh Iyer', 'RI');
    await other.keyboard.press('Control+O');
    await other.getByRole('dialog', { name: 'Open an engagement' }).getByText('Kestrel - Rajesh.iso20k', { exact: true }).click();
    await expect(other.getByTestId('engagement-title')).toHaveText('Kestrel Data Services Ltd');
    await other.keyboard.press('Alt+7');
    await other.keyboard.press('Alt+Shift+3');
    const title = await chooseFirst(other);
    await other.getByTestId('attach-file-input').setInputFiles([NOTES]);
    await expect(done(other, NOTES.name)).toBeVisible();

    // First package: without the files (the checkbox says what it would carry).
    const exportPackage = async (name: string, withFiles: boolean) => {
      await other.getByTestId('nav-team').click();
      await other.getByTestId('member-copy-banner').getByRole('button', { name: 'Create return package…' }).click();
      const dialog = other.getByRole('dialog', { name: 'Create return package' });
      const include = dialog.getByTestId('include-files');
      await expect(include).toBeChecked();
      await expect(dialog.getByText(/^Include evidence files \(1 file, [\d.,]+ kB\)$/)).toBeVisible();
      if (!withFiles) await include.uncheck();
      await screenshot(other, `evidence-files-3${withFiles ? 1 : 0}-export-${withFiles ? 'with' : 'without'}-files-en`);
      await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
      const picker = other.getByRole('dialog', { name: 'Create return package' });
      await picker.getByLabel('File name').fill(name);
      await picker.getByRole('button', { name: 'Save copy' }).click();
      await expect(other.getByTestId('sha-result')).toContainText('Return package saved');
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      carry(rajesh.host, host, `${name}.iso20k-return`);
    };
    await exportPackage('Kestrel return RI 1', false);

    const importPackage = async (file: string, importLabel: string, dialogName: string) => {
      await page.getByRole('button', { name: importLabel }).click();
      await page.getByRole('dialog', { name: dialogName }).getByText(file, { exact: true }).click();
      const dialog = page.getByRole('dialog', { name: dialogName });
      await expect(dialog.getByTestId('import-preview')).toBeVisible();
      return dialog;
    };
    const first = await importPackage('Kestrel return RI 1.iso20k-return', 'Import from a team member…', 'Import a return package or member copy');
    await expect(first.getByTestId('import-files')).toHaveText('No evidence files in this package');
    await expect(first.getByTestId('import-held-back')).toHaveText('1 file attached by Rajesh Iyer is not in this package: it shows as held by them until a package with files arrives.');
    await screenshot(page, 'evidence-files-32-import-held-back-en');
    await first.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(first.getByTestId('import-done')).toBeVisible();
    await first.getByRole('button', { name: 'Close' }).first().click();

    // The lead: the reference carries the file, held by Rajesh; its preview says when it comes.
    await page.keyboard.press('Alt+7');
    await page.keyboard.press('Alt+Shift+3');
    await row(page, title).click();
    await expect(fileRow(page, NOTES.name).getByTestId('file-held-by')).toHaveText('held by Rajesh Iyer');
    await fileRow(page, NOTES.name).click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByTestId('preview-absent')).toHaveText('Held by Rajesh Iyer: it arrives with their next return package with files.');
    await page.getByTestId('evidence-files').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-files-33-lead-held-by-en');
    await page.keyboard.press('Escape');

    // Second package, with the files; the lead now reads Chinese.
    await exportPackage('Kestrel return RI 2', true);
    await page.keyboard.press('Control+Comma');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: /^简体中文/ }).check();
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-team').click();
    const second = await importPackage('Kestrel return RI 2.iso20k-return', '导入成员的工作…', '导入返回包或成员副本');
    await expect(second.getByTestId('import-files')).toHaveText(/^1 个证据附件（[\d.,]+ kB），其中 1 个是本项目尚没有的$/);
    await expect(second.getByTestId('import-held-back')).toHaveCount(0);
    await screenshot(page, 'evidence-files-34-import-with-files-zh');
    await second.getByRole('button', { name: '导入', exact: true }).click();
    await expect(second.getByTestId('import-done')).toBeVisible();
    await second.getByRole('button', { name: '关闭' }).first().click();

    await page.keyboard.press('Alt+7');
    await page.keyboard.press('Alt+Shift+3');
    await row(page, title).click();
    await expect(fileRow(page, NOTES.name)).toHaveAttribute('data-present', 'true');
    await expect(fileRow(page, NOTES.name).getByTestId('file-held-by')).toHaveCount(0);
    await fileRow(page, NOTES.name).click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByTestId('preview-text')).toContainText('Interview notes — change management');
    await screenshot(page, 'evidence-files-35-lead-file-arrived-zh');
  } finally {
    await rajesh.close();
  }
});

test('evidence files in the pseudo-locale: only text from the language files, nothing clipped or overlapping', async ({ page, host, problems }) => {
  void problems;
  test.setTimeout(150_000);
  await page.addInitScript(() => localStorage.setItem('aw.pseudoLocale', '1'));
  await openDemoPseudo(page, host.url, '王海伦', '王');
  await page.keyboard.press('Alt+7');
  await page.keyboard.press('Alt+Shift+3');
  const findings: Record<string, unknown> = {};
  const look = async (screen: string) => {
    await page.waitForTimeout(250);
    const found = await sweep(page);
    await screenshot(page, `pseudo-evidence-files-${screen}`);
    if (found.untranslated.length || found.clipped.length || found.overlapping.length) findings[screen] = found;
  };
  await paste(page, [], '文字');
  await look('paste-no-image');
  await chooseFirst(page);
  const files = page.getByTestId('evidence-files');
  await files.scrollIntoViewIfNeeded();
  await look('empty');
  await files.getByTestId('attach-file-input').setInputFiles([NOTES, PDF, { name: '空文件.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) }]);
  await expect(page.getByTestId('upload-failed')).toBeVisible();
  await files.getByTestId('add-photo-input').setInputFiles({ name: '机房照片.JPG', mimeType: 'image/jpeg', buffer: await phoneJpeg({ width: 640, height: 480 }) });
  await expect(page.getByRole('dialog')).toBeVisible();
  await look('permission');
  await page.getByTestId('photo-permission-name').fill('王敏');
  await page.getByTestId('photo-permission-attach').click();
  await expect(files.getByTestId('evidence-file')).toHaveCount(3);
  await fileRow(page, '机房照片.JPG').click();
  await files.scrollIntoViewIfNeeded();
  await look('files');
  await fileRow(page, PDF.name).getByTestId('file-preview-button').click();
  await expect(page.getByRole('dialog').getByTestId('pdf-page')).toHaveAttribute('data-drawn', '1', { timeout: 30_000 });
  await look('preview-pdf');
  await page.keyboard.press('Escape');
  await fileRow(page, '机房照片.JPG').getByTestId('file-preview-button').click();
  await expect(page.getByRole('dialog').getByTestId('preview-image')).toBeVisible();
  await look('preview-photo');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-team').click();
  await page.getByRole('button', { name: pseudo(en.team.exportButton) }).click();
  await expect(page.getByRole('dialog').getByTestId('include-files')).toBeVisible();
  await look('export');
  expect(findings, 'text outside the language files, clipped or overlapping labels (see test-results/screenshots/pseudo-evidence-files-*.png)').toEqual({});
});
