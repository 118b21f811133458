/** Texts of the params area. */
export const paramsZh = {
  'params.title': '参数',
} as const;

export const paramsEn: Record<keyof typeof paramsZh, string> = {
  'params.title': 'Parameters',
};
