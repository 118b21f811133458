import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

/**
 * Issue 18 §3: every hospital's year-end clearing in full. The hospital page's statement, monthly table and
 * reserve table, and the impact table's optional statement columns, read back from the screen and checked against
 * each other and against their own arithmetic (SETTLEMENT.md §4.3, §4.5): figures computed from the demo city,
 * none typed in here.
 */

const POOLS = ['employee', 'resident'] as const;
const POOL_NAMES = { employee: '职工', resident: '居民' } as const;

/** A figure as shown ("1,234.56", "−583.10", "+7.0%") as a number. */
function figureOf(text: string): number {
  const clean = text.replace(/[,%\s元]/g, '').replace('−', '-').replace(/^\+/, '');
  const value = Number(clean);
  if (clean === '' || !Number.isFinite(value)) throw new Error(`not a figure: "${text}"`);
  return value;
}

/** Yuan as shown to the fen → whole fen. */
function fenOf(text: string): number {
  return Math.round(figureOf(text) * 100);
}

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

/** The header texts (no sort arrow) and the cell texts of a table's rows, keyed by a row attribute. */
async function readTable(page: Page, testId: string, key: string): Promise<{ headers: string[]; rows: Map<string, string[]>; totals: string[] }> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  await expect.poll(() => table.evaluate((t) => t.closest('.table-scroll')?.hasAttribute('data-rows-pending') ?? false)).toBe(false);
  const read = await table.evaluate((t, attribute) => {
    const texts = (cells: Iterable<Element>) => [...cells].map((c) => (c.textContent ?? '').trim());
    return {
      headers: texts(t.querySelectorAll('thead th')).map((h) => h.replace(/ [▲▼]$/, '')),
      rows: [...t.querySelectorAll(`tbody tr[${attribute}]`)].map((tr) => [tr.getAttribute(attribute) ?? '', texts(tr.querySelectorAll('td'))] as [string, string[]]),
      totals: texts(t.querySelectorAll('tfoot td')),
    };
  }, key);
  return { headers: read.headers, rows: new Map(read.rows), totals: read.totals };
}

function column(headers: string[], header: string): number {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column "${header}" in ${headers.join(' | ')}`);
  return i;
}

type Statement = Record<string, number>;

/** The statement's money lines of one pool under the round, in fen (the ratio lines as numbers). */
async function statementOf(page: Page, pool: string): Promise<Statement> {
  const cells = await page.$$eval(`[data-testid="hospital-statement"] tbody tr[data-line]`, (trs, which) =>
    trs.map((tr) => [tr.getAttribute('data-line') ?? '', tr.querySelector(`[data-cell="${which}"]`)?.textContent?.trim() ?? null] as const),
  `${pool}-round`);
  const out: Statement = {};
  for (const [line, text] of cells) {
    if (text === null) throw new Error(`no ${pool} figure on line ${line}`);
    out[line] = line === 'overspendRate' || line === 'evalCoefficient' || line === 'paymentCostRatio' || line === 'points' || line === 'yuanPerPoint'
      ? (text === '—' ? Number.NaN : figureOf(text))
      : fenOf(text);
  }
  return out;
}

describe('year-end clearing in full, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  /** the hospital opened from the impact table, and what its row showed */
  let code = '';
  let roundName = '';
  const impactFigures = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench`);
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the impact table shows statement columns only when switched on, per pool and line', async () => {
    const before = await readTable(page, 'hospital-impact-table', 'data-hospital-code');
    expect(before.headers.some((h) => h.includes('合理超支分担') || h.includes('年度清算'))).toBe(false);
    await page.locator('[data-testid="statement-columns"] summary').click();
    for (const line of ['sharing', 'incentive', 'settlement', 'clearing']) await page.getByTestId(`statement-line-${line}`).check();
    await page.locator('[data-testid="statement-columns"] summary').click();
    await expect.poll(async () => (await readTable(page, 'hospital-impact-table', 'data-hospital-code')).headers.length).toBe(before.headers.length + 8);
    const after = await readTable(page, 'hospital-impact-table', 'data-hospital-code');
    const added = after.headers.slice(before.headers.length);
    for (const pool of Object.values(POOL_NAMES)) {
      for (const line of ['合理超支分担', '激励返还', '结算额 S', '年度清算']) expect(added.some((h) => h.includes(`${pool} ${line} (万元)`)), `${pool} ${line}`).toBe(true);
    }
    // the first hospital (largest loss): its row's figures, for the hospital page to match
    const [first, cells] = [...after.rows.entries()][0]!;
    code = first;
    after.headers.forEach((h, i) => impactFigures.set(h, cells[i] ?? ''));
    // a money column's total is the sum of its rows to the fen of 万元 shown (rows summed in fen, not as shown)
    const sharing = added.findIndex((h) => h.includes('职工 合理超支分担'));
    const i = before.headers.length + sharing;
    const rowsSum = [...after.rows.values()].reduce((s, r) => s + figureOf(r[i] ?? ''), 0);
    expect(Math.abs(rowsSum - figureOf(after.totals[i] ?? ''))).toBeLessThanOrEqual(0.005 * after.rows.size);
    // the hospital's page opens from its row
    await page.locator(`[data-testid="hospital-impact-table"] tbody tr[data-hospital-code="${code}"] td`).first().click();
    await page.getByTestId('hospital-statement').waitFor({ timeout: 60_000 });
    await settled(page);
  });

  it("the hospital page shows the full statement of both pools, and its lines add up to the fen", async () => {
    const header = await page.$$eval('[data-testid="hospital-statement"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    const roundHeader = header.find((h) => h.startsWith('职工 · '));
    expect(roundHeader).toBeDefined();
    roundName = roundHeader!.replace('职工 · ', '').replace(/ [▲▼]$/, '');
    const lines = await page.$$eval('[data-testid="hospital-statement"] tbody tr[data-line]', (trs) => trs.map((tr) => tr.getAttribute('data-line')));
    for (const line of ['baseRevenue', 'actualCost', 'overspendRate', 'sharing', 'evalCoefficient', 'incentive', 'surplusKept', 'surplusCapExcess', 'settlement', 'fundPayment', 'prepaid', 'clearing']) {
      expect(lines).toContain(line);
    }
    let settlementFen = 0;
    for (const pool of POOLS) {
      const s = await statementOf(page, pool);
      const where = `${code} ${pool}`;
      expect(s.revenue! - s.deduction! - s.surplusCapExcess!, where).toBe(s.baseRevenue);
      expect(s.baseRevenue! + s.sharing! + s.incentive!, where).toBe(s.settlement);
      expect(s.settlement! - s.patientPay!, where).toBe(s.fundPayment);
      expect(s.fundPayment! - s.prepaid!, where).toBe(s.clearing);
      // C > B: overspend C − B at the rate shown; else the surplus B − C is kept
      if (s.actualCost! > s.baseRevenue!) {
        expect(s.overspend, where).toBe(s.actualCost! - s.baseRevenue!);
        expect(s.surplusKept, where).toBe(0);
        expect(s.overspendRate, where).toBeCloseTo((100 * (s.actualCost! - s.baseRevenue!)) / s.baseRevenue!, 1);
      } else {
        expect(s.surplusKept, where).toBe(s.baseRevenue! - s.actualCost!);
        expect(s.overspend, where).toBe(0);
      }
      // the impact table's statement columns showed the same figures, in 万元
      for (const [line, label] of [['sharing', '合理超支分担'], ['incentive', '激励返还'], ['settlement', '结算额 S'], ['clearing', '年度清算']] as const) {
        const shown = impactFigures.get(`${roundName} ${POOL_NAMES[pool]} ${label} (万元)`);
        expect(shown, `${where} ${label}`).toBeDefined();
        expect(Math.abs(figureOf(shown!) - s[line]! / 1e6), `${where} ${label}`).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      settlementFen += s.settlement!;
    }
    // both pools' settlement is the hospital's settlement in the impact table
    expect(Math.abs(figureOf(impactFigures.get(`${roundName} (万元)`) ?? 'x') - settlementFen / 1e6)).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it('the monthly table has 12 months per pool, with point values, and its pre-payments sum to the statement', async () => {
    for (const pool of POOLS) {
      const months = await readTable(page, `hospital-months-${pool}`, 'data-month');
      expect([...months.rows.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
      const value = column(months.headers, '月度点值 (元/点)');
      for (const cells of months.rows.values()) expect(figureOf(cells[value] ?? '')).toBeGreaterThan(0);
      const prepaid = column(months.headers, '预拨 (元)');
      const sum = [...months.rows.values()].reduce((s, cells) => s + fenOf(cells[prepaid] ?? ''), 0);
      expect(sum).toBe(fenOf(months.totals[prepaid] ?? ''));
      expect(sum).toBe((await statementOf(page, pool)).prepaid);
    }
  });

  it("the reserve's use, hospital by hospital, sums to the pool's sharing and incentive", async () => {
    for (const pool of POOLS) {
      await page.getByTestId(`reserve-pool-${pool}`).click();
      await expect.poll(() => page.getByTestId(`reserve-pool-${pool}`).getAttribute('aria-pressed')).toBe('true');
      const summary = new Map(
        await page.$$eval('[data-testid="reserve-summary"] tr[data-line]', (trs) => trs.map((tr) => [tr.getAttribute('data-line') ?? '', tr.querySelectorAll('td')[1]?.textContent ?? ''] as const)),
      );
      const fen = (line: string) => fenOf(summary.get(line) ?? 'x');
      expect(fen('sharing') + fen('incentive') + fen('unused')).toBe(fen('reserve'));
      const table = await readTable(page, 'reserve-use-table', 'data-hospital-code');
      expect(table.rows.size).toBeGreaterThan(150);
      const sharing = column(table.headers, '超支分担 (元)');
      const incentive = column(table.headers, '激励返还 (元)');
      const deposit = column(table.headers, '保证金份额 (元)');
      const withheld = column(table.headers, '考核扣留 (元)');
      let sharingFen = 0;
      let incentiveFen = 0;
      for (const cells of table.rows.values()) {
        sharingFen += fenOf(cells[sharing] ?? 'x');
        incentiveFen += fenOf(cells[incentive] ?? 'x');
        expect(fenOf(cells[incentive] ?? 'x') + fenOf(cells[withheld] ?? 'x')).toBe(fenOf(cells[deposit] ?? 'x'));
      }
      expect(sharingFen).toBe(fen('sharing'));
      expect(incentiveFen).toBe(fen('incentive'));
      expect(sharingFen + incentiveFen).toBe(fenOf(table.totals[sharing] ?? 'x') + fenOf(table.totals[incentive] ?? 'x'));
      // the hospital's own row is its statement's sharing and incentive
      const own = table.rows.get(code)!;
      const statement = await statementOf(page, pool);
      expect(fenOf(own[sharing] ?? 'x')).toBe(statement.sharing);
      expect(fenOf(own[incentive] ?? 'x')).toBe(statement.incentive);
    }
  });

  it('费率法: fund payments above the budget are flagged in the headline, and not when within it', async () => {
    const fresh = await newPage(browser);
    await fresh.goto(`${inject('baseUrl')}/workbench?view=params`);
    await settled(fresh);
    const editor = fresh.getByTestId('params-editor');
    await editor.getByTestId('params-tab-rates').click();
    await editor.getByTestId('param-method').selectOption('rate');
    /** yuan per RW for both pools, then the comparison's headline once it has settled them */
    const headlineAt = async (rate: number) => {
      await fresh.getByTestId('view-params').click();
      await editor.getByTestId('params-tab-rates').click();
      for (const pool of POOLS) {
        const field = editor.getByTestId(`param-rate.${pool}`);
        await field.fill(String(rate));
        await field.press('Enter');
      }
      await fresh.getByTestId('view-compare').click();
      await settled(fresh);
      const card = fresh.getByTestId('headline-fund');
      await card.waitFor();
      return card;
    };
    // the demo city's point value is about 80 yuan per point (8,000 yuan per RW): at 20,000 per RW the fund pays
    // far more than its budget
    const high = await headlineAt(20000);
    await expect.poll(() => high.getAttribute('data-over-budget'), { timeout: 60_000 }).toBe('true');
    for (const pool of POOLS) {
      const flag = fresh.getByTestId(`headline-over-budget-${pool}`);
      await expect.poll(() => flag.count()).toBe(1);
      expect(await flag.textContent()).toContain(`${POOL_NAMES[pool]}超出预算`);
    }
    // at 2,000 per RW it pays far less: no flag
    const low = await headlineAt(2000);
    await expect.poll(() => low.getAttribute('data-over-budget'), { timeout: 60_000 }).toBeNull();
    expect(await fresh.locator('[data-testid^="headline-over-budget-"]').count()).toBe(0);
    await fresh.close();
  });
});
