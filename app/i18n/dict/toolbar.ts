/** Texts of the workbench's compact toolbar and of a locked round's read-only state. */
export const toolbarZh = {
  'toolbar.baselineShort': '基线',
  'toolbar.compared': '对比 +{n} 轮',
  'toolbar.comparedNone': '同时对比',
  'toolbar.comparedTitle': '与基线、本轮一起对比的其他轮次（最多 {max} 轮）',
  'toolbar.removeCompared': '不再对比 {name}',
  'toolbar.more': '数据集',
  'toolbar.moreTitle': '切换数据集',
  'toolbar.saveShort': '保存',
  'toolbar.saveAsNewShort': '另存为新轮次',
  'toolbar.readOnly': '已锁定 · 只读',
  'toolbar.readOnlyShort': '只读',
  'toolbar.readOnlyTitle': '本轮已锁定：参数不能修改，也不能保存到本轮；要继续谈判，请复制为新轮次。',
  'toolbar.copyLocked': '复制为新轮次',
} as const;

export const toolbarEn: Record<keyof typeof toolbarZh, string> = {
  'toolbar.baselineShort': 'Baseline',
  'toolbar.compared': '+{n} compared',
  'toolbar.comparedNone': 'Compare also',
  'toolbar.comparedTitle': 'Other rounds compared with the baseline and this round (at most {max})',
  'toolbar.removeCompared': 'Stop comparing {name}',
  'toolbar.more': 'Data set',
  'toolbar.moreTitle': 'Switch data set',
  'toolbar.saveShort': 'Save',
  'toolbar.saveAsNewShort': 'Save as new round',
  'toolbar.readOnly': 'Locked · read only',
  'toolbar.readOnlyShort': 'Read only',
  'toolbar.readOnlyTitle': 'This round is locked: its parameters cannot be edited or saved into it; copy it as a new round to go on negotiating.',
  'toolbar.copyLocked': 'Copy as new round',
};
