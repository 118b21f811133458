import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { formulaNotes, FORMULA_LABEL_PREFIXES, MAX_EDIT_NOTES, MAX_EDIT_NOTE_LENGTH } from './edit-notes';

describe('edit notes of a save', () => {
  it('are the formula edits of the undo history, in both languages, oldest first', () => {
    const zh = translator('zh')('formula.label', { where: 'mdc == "MDCF"', set: 'weight * 1.03', count: 12 });
    const en = translator('en')('formula.labelAll', { set: 'min(coefficient + 0.02, 1)', count: 170 });
    expect(zh).toBe('公式: where mdc == "MDCF" set weight * 1.03（12 行）');
    expect(formulaNotes(['二级系数 0.85 → 0.9', zh, 'FM19 权重 3.3 → 3.4', en])).toEqual([zh, en]);
  });

  it('every formula label starts with one of the prefixes the notes look for', () => {
    for (const locale of ['zh', 'en'] as const) {
      for (const key of ['formula.label', 'formula.labelAll'] as const) {
        const label = translator(locale)(key, { where: 'a', set: 'b', count: 1 });
        expect(FORMULA_LABEL_PREFIXES.some((p) => label.startsWith(p)), label).toBe(true);
      }
    }
  });

  it('are bounded in number and length', () => {
    const many = Array.from({ length: 30 }, (_, i) => `公式: set ${'x'.repeat(2000)} ${i}`);
    const notes = formulaNotes(many);
    expect(notes).toHaveLength(MAX_EDIT_NOTES);
    expect(notes.every((n) => n.length === MAX_EDIT_NOTE_LENGTH)).toBe(true);
  });
});
