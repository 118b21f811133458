/** Texts of the workbench area. */
export const workbenchZh = {
  'workbench.title': '谈判工作台',
} as const;

export const workbenchEn: Record<keyof typeof workbenchZh, string> = {
  'workbench.title': 'Workbench',
};
