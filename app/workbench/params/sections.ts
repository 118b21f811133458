/** The levers of a round (SETTLEMENT.md §6) in the three families plus the rules: the editor's tabs and the drawer's. */
export const PARAM_SECTIONS = ['weights', 'rates', 'coefficients', 'rules'] as const;
export type ParamSection = (typeof PARAM_SECTIONS)[number];

export function isParamSection(value: unknown): value is ParamSection {
  return (PARAM_SECTIONS as readonly unknown[]).includes(value);
}
