/**
 * The notice's DOCX unzipped: its text has the title, the year, the basis and the main parameters in prose, its
 * appendices the figures of the settlement as printed, and a draft's mark is in the header of every page (a
 * locked round's notice has none).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '@/app/lib/format';
import { noticeDocxBuffer } from './docx';
import { figureText } from './formats';
import { noticeData, type NoticeData } from './notice-data';
import { noticeSheets } from './tables';
import { noticeCity, type NoticeCity } from './testing';

interface Unzipped {
  /** the body's paragraphs' text */
  text: string;
  /** each table row's cell texts */
  rows: string[][];
  headers: string[];
}

function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

async function unzip(data: NoticeData): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(await noticeDocxBuffer(data, noticeSheets(data, 'zh'), 'zh'));
  const document = await zip.file('word/document.xml')!.async('string');
  const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  const rows = document.split('<w:tr').slice(1).map((tr) => tr.split('<w:tc>').slice(1).map(xmlText));
  const paragraphs = document.split('<w:p>').map(xmlText).concat(document.split('<w:p ').map(xmlText));
  return { text: paragraphs.join('\n'), rows, headers: headers.map(xmlText) };
}

describe('the notice’s DOCX', () => {
  let city: NoticeCity;
  let draft: NoticeData;
  let draftDoc: Unzipped;
  let lockedDoc: Unzipped;
  beforeAll(async () => {
    city = noticeCity();
    draft = noticeData(city.db, city.draftId);
    [draftDoc, lockedDoc] = await Promise.all([unzip(draft), unzip(noticeData(city.db, city.lockedId))]);
  });

  it('opens with the title, the year, the basis and the main parameters in prose', () => {
    expect(draftDoc.text).toContain('2025年度DRG付费权重、点值与清算结果公告');
    expect(draftDoc.text).toContain('数据集：公告测试城');
    expect(draftDoc.text).toContain('医保发〔2021〕48号');
    expect(draftDoc.text).toContain('谈判轮次：第1轮 权重调整');
    const employee = draft.pools.find((p) => p.pool === 'employee')!;
    expect(draftDoc.text).toContain(`年度清算点值为每点 ${figureText(employee.pointValue, 'pointValue', 'zh')} 元`);
    expect(draftDoc.text).toContain('结余留用上限为实际费用的 10.0%');
    expect(draftDoc.text).toContain(`同病同价病组 ${draft.drgs.filter((d) => d.uniformPrice).length} 个`);
    for (const title of ['附件1：DRG权重', '附件2：机构系数', '附件3：点值与费率', '附件4：医院结算', '附件5：参数变动']) expect(draftDoc.text).toContain(title);
  });

  it('prints each hospital’s settlement in the appendix as the settlement has it, and each pool’s total', () => {
    const header = draftDoc.rows.find((r) => r.includes('结算额 S（元）') && r.includes('机构编码'))!;
    const settlement = header.indexOf('结算额 S（元）');
    const clearing = header.indexOf('年度清算（元）');
    for (const s of draft.statements) {
      const row = draftDoc.rows.find((r) => r[1] === s.code && r[0] === (s.statement.pool === 'employee' ? '职工' : '居民'))!;
      expect(row[2]).toBe(s.name);
      expect(row[settlement]).toBe(formatNumber(s.statement.settlementFen / 100, 'zh', 2));
      expect(row[clearing]).toBe(formatNumber(s.statement.clearingFen / 100, 'zh', 2));
    }
    for (const pool of draft.pools) {
      const total = draftDoc.rows.find((r) => r[2] === `${pool.pool === 'employee' ? '职工' : '居民'}合计`)!;
      expect(total[settlement]).toBe(formatNumber(pool.settlementFen / 100, 'zh', 2));
    }
    // the header row repeats on every page of a table
    expect(draftDoc.rows.length).toBeGreaterThan(draft.statements.length + draft.drgs.length);
  });

  it('marks every page of a draft in the header, and a locked round’s notice nowhere', () => {
    expect(draftDoc.headers.length).toBeGreaterThan(0);
    for (const header of draftDoc.headers) expect(header).toContain('草稿');
    expect(draftDoc.text).toContain('草稿：本轮次尚未锁定');
    for (const header of lockedDoc.headers) expect(header).not.toMatch(/草稿|征求意见稿|送审稿/);
    expect(lockedDoc.text).not.toMatch(/草稿|征求意见稿|送审稿/);
    expect(lockedDoc.text).toContain('本轮为首轮，无上一轮可对照。');
  });
});
