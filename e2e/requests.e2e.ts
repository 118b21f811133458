/**
 * Hospital requests (诉求) in Chromium: a hospital user drafts a request on a seeded proposed round (its own
 * coefficient and a DRG weight, each with a reason, a PNG attached), previews its impact and submits it; the panel
 * sees its impact in the workbench, accepts it into a draft child round whose diff shows exactly the changes; the
 * hospital reads 已采纳. Nothing the hospital's browser receives names another hospital.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { E2E_USERS } from './global-setup';

/** a 1×1 PNG */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface Seeded {
  roundId: number;
  roundName: string;
  datasetId: number;
  /** the hospital's coefficient under the round, and a DRG with its weight */
  coefficient: number;
  drg: { code: string; weight: number };
  others: { code: string; name: string }[];
}

/** The last seeded proposed round, the hospital's coefficient under it (§3 precedence), and a weighted DRG. */
function seeded(): Seeded {
  const db = new Database(inject('dbPath'), { readonly: true });
  const round = db.prepare(`SELECT id, name, dataset_id AS datasetId, params FROM rounds WHERE created_by = 'seed' AND status = 'proposed' ORDER BY id DESC LIMIT 1`).get() as { id: number; name: string; datasetId: number; params: string };
  const code = E2E_USERS.hospital.hospitalCode!;
  const hospital = db.prepare('SELECT level, coefficient FROM hospitals WHERE dataset_id = ? AND code = ?').get(round.datasetId, code) as { level: number; coefficient: number | null };
  const params = JSON.parse(round.params) as { hospital_coefficients?: Record<string, number>; level_coefficients?: Record<string, number>; weights?: Record<string, number> };
  const levelDefault: Record<string, number> = { 1: 0.7, 2: 0.85, 3: 1 };
  const coefficient = params.hospital_coefficients?.[code] ?? hospital.coefficient ?? params.level_coefficients?.[hospital.level] ?? levelDefault[hospital.level]!;
  const drg = db.prepare('SELECT code, weight FROM drgs WHERE dataset_id = ? AND weight IS NOT NULL ORDER BY position LIMIT 1').get(round.datasetId) as { code: string; weight: number };
  const others = db.prepare('SELECT code, name FROM hospitals WHERE dataset_id = ? AND code <> ?').all(round.datasetId, code) as { code: string; name: string }[];
  db.close();
  return { roundId: round.id, roundName: round.name, datasetId: round.datasetId, coefficient, drg: { code: drg.code, weight: params.weights?.[drg.code] ?? drg.weight }, others };
}

/** Every JSON, HTML or script body the page receives, to look for other hospitals in. */
function recordBodies(page: Page): { url: string; text: string }[] {
  const bodies: { url: string; text: string }[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/json|html|text|x-component|javascript/.test(type)) return;
    void response.text().then((text) => bodies.push({ url: response.url(), text }), () => undefined);
  });
  return bodies;
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** A signed-in page whose waits are bounded by what is wrong, not by how busy the machine is. */
async function patientPage(browser: Browser, role: 'hospital' | 'panel'): Promise<Page> {
  const page = await newPage(browser, { role });
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(300_000);
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

describe('hospital requests in Chromium', () => {
  let browser: Browser;
  let city: Seeded;
  beforeAll(async () => {
    browser = await launchBrowser();
    city = seeded();
  });
  afterAll(async () => {
    await browser.close();
  });

  let hospital: Page;
  let bodies: { url: string; text: string }[] = [];
  let requestId = 0;
  let newCoefficient = 0;
  let newWeight = 0;
  const title = `e2e 诉求 ${Date.now()}`;
  const code = E2E_USERS.hospital.hospitalCode!;

  it('a hospital user drafts a request (its coefficient and a DRG weight, a PNG attached), previews its impact and submits it', async () => {
    const base = inject('baseUrl');
    newCoefficient = round4(Math.min(3, city.coefficient + 0.05));
    newWeight = round4(city.drg.weight * 1.1);
    hospital = await patientPage(browser, 'hospital');
    bodies = recordBodies(hospital);
    await hospital.goto(`${base}/my-hospital`, { waitUntil: 'commit' });
    await hospital.getByTestId('nav-my-requests').click();
    await hospital.getByTestId('request-new').click();
    await hospital.getByTestId('request-round').selectOption(String(city.roundId));
    await hospital.getByTestId('request-title').fill(title);
    const first = hospital.getByTestId('request-item-editor-0');
    // the form shows the coefficient the round gives the hospital now
    await expect.poll(() => first.textContent()).toContain(`现值 ${city.coefficient}`);
    await first.getByTestId('item-value').fill(String(newCoefficient));
    await first.getByTestId('item-reason').fill('本院收治危重病例比例高于同级');
    await hospital.getByTestId('request-add-item').click();
    const second = hospital.getByTestId('request-item-editor-1');
    await second.getByTestId('item-kind').selectOption('drg_weight');
    await second.getByTestId('item-drg').fill(city.drg.code);
    await second.getByTestId('item-value').fill(String(newWeight));
    await second.getByTestId('item-reason').fill('成本测算高于现行权重');
    await hospital.getByTestId('request-save').click();
    await expect.poll(() => hospital.getByTestId('request-message').textContent()).toBe('已保存');
    await hospital.getByTestId('request-attach').setInputFiles({ name: '成本测算.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => hospital.getByTestId('request-attachments').textContent()).toContain('成本测算.png');
    // a file that is not a PDF or an image is refused by its content, whatever it is called
    await hospital.getByTestId('request-attach').setInputFiles({ name: '假图片.png', mimeType: 'image/png', buffer: Buffer.from('<html>not an image</html>') });
    await expect.poll(() => hospital.getByTestId('request-attach-error').textContent()).toContain('附件只能是 PDF 或图片');
    expect(await hospital.getByTestId('request-attachments').locator('li').count()).toBe(1);
    await hospital.getByTestId('request-preview').click();
    // a higher coefficient raises the hospital's share of the points: its change is a gain
    await expect.poll(() => hospital.locator('[data-testid="request-impact-change"] .value').getAttribute('class'), { timeout: 120_000 }).toContain('gain');
    await hospital.getByTestId('request-submit').click();
    const row = hospital.locator('[data-testid="my-requests-table"] tbody tr', { hasText: title });
    await expect.poll(() => row.getAttribute('data-status')).toBe('submitted');
    requestId = Number(await row.getAttribute('data-request-id'));
    expect(requestId).toBeGreaterThan(0);
  }, 600_000);

  it("the panel reads it in the queue and sees its impact on every hospital in the workbench, unsaved", async () => {
    const base = inject('baseUrl');
    const panel = await patientPage(browser, 'panel');
    await panel.goto(`${base}/requests?dataset=${city.datasetId}`, { waitUntil: 'commit' });
    await panel.getByTestId(`request-open-${requestId}`).click();
    const detail = panel.getByTestId(`request-detail-${requestId}`);
    await expect.poll(() => detail.textContent()).toContain('成本测算高于现行权重');
    expect(await detail.getByTestId('request-attachment').textContent()).toBe('成本测算.png');
    await panel.getByTestId(`request-select-${requestId}`).check();
    const href = await panel.getByTestId('requests-view-impact').getAttribute('href');
    expect(href).toBe(`/workbench?dataset=${city.datasetId}&round=${city.roundId}&baseline=${city.roundId}&requests=${requestId}`);
    await panel.goto(`${base}${href}`, { waitUntil: 'commit' });
    await panel.locator('[data-testid="request-changes"][data-state="applied"]').waitFor({ timeout: 300_000 });
    await panel.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 300_000 });
    // against the round itself, the hospital gains; the table names the edit unsaved
    const own = panel.locator(`[data-testid="hospital-impact-table"] tbody tr[data-hospital-code="${code}"]`);
    await own.scrollIntoViewIfNeeded();
    await expect.poll(() => own.locator('.gain').count()).toBeGreaterThan(0);
    await panel.context().close();
  }, 600_000);

  it('the panel accepts it: a draft child round carrying exactly its changes', async () => {
    const base = inject('baseUrl');
    const panel = await patientPage(browser, 'panel');
    await panel.goto(`${base}/requests?dataset=${city.datasetId}`, { waitUntil: 'commit' });
    await panel.getByTestId(`request-select-${requestId}`).check();
    await panel.getByTestId('requests-accept').click();
    await expect.poll(() => panel.getByTestId('requests-accepted').textContent()).toContain(`采纳诉求 #${requestId}`);
    await panel.getByTestId('requests-open-round').click();
    const diff = panel.getByTestId('round-diff-table');
    await diff.waitFor({ timeout: 300_000 });
    await expect.poll(() => diff.locator(`tr[data-param-key="hospital_coefficients.${code}"]`).textContent()).toContain(String(newCoefficient));
    await expect.poll(() => diff.locator(`tr[data-param-key="weights.${city.drg.code}"]`).textContent()).toContain(String(newWeight));
    // exactly the request's two changes, nothing else
    expect(await diff.locator('tbody tr').count()).toBe(2);
    await panel.context().close();
  }, 600_000);

  it("the hospital reads 已采纳, and nothing its browser received names another hospital", async () => {
    await hospital.reload({ waitUntil: 'commit' });
    const accepted = hospital.locator('[data-testid="my-requests-table"] tbody tr', { hasText: title });
    await expect.poll(() => accepted.getAttribute('data-status')).toBe('accepted');
    expect(await accepted.textContent()).toContain('已采纳');
    await hospital.waitForLoadState('networkidle');
    expect(bodies.some((b) => b.url.includes('requests.impact'))).toBe(true);
    const leaks = bodies.flatMap(({ url, text }) => city.others.filter((h) => text.includes(`"${h.code}"`) || text.includes(h.name)).map((h) => `${url}: ${h.code} ${h.name}`));
    expect(leaks).toEqual([]);
    await hospital.context().close();
  }, 600_000);
});
