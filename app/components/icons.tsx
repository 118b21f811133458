/**
 * The app's icons, as small inline SVG drawn in the text's colour and size (1em): emoji and symbol characters
 * (🔒 ↶ ↷ ✕) showed as empty boxes on a machine without an emoji or symbol font, projector PCs included.
 * Decorative by default (aria-hidden): the button or badge they sit in carries the words.
 */
import type { ReactNode, SVGProps } from 'react';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & {
  /** a name for a screen reader when the icon is all there is (then it is not hidden) */
  title?: string;
};

function Icon({ title, children, style, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      // on the text's baseline beside words, never squeezed in a flex row
      style={{ verticalAlign: '-0.125em', flexShrink: 0, ...style }}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(title ? { role: 'img', 'aria-label': title } : { 'aria-hidden': true })}
      {...props}
    >
      {title ? <title>{title}</title> : null}
      {children}
    </svg>
  );
}

/** 已锁定: a padlock */
export function LockIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" stroke="none" />
      <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" />
    </Icon>
  );
}

/** 撤销: an arrow turning back to the left */
export function UndoIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.8 6.5h6.7a3.8 3.8 0 0 1 0 7.5H7" />
    </Icon>
  );
}

/** 重做: an arrow turning on to the right */
export function RedoIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.2 6.5H6.5a3.8 3.8 0 0 0 0 7.5H9" />
    </Icon>
  );
}

/** remove / close: a cross */
export function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </Icon>
  );
}

/** back (←) */
export function ArrowLeftIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M13 8H3m4-4.5L2.5 8 7 12.5" />
    </Icon>
  );
}

/** on (→) */
export function ArrowRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 8h10M9 3.5 13.5 8 9 12.5" />
    </Icon>
  );
}

/** opens a menu: a chevron down */
export function ChevronDownIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m4 6 4 4 4-4" />
    </Icon>
  );
}

/** add: a plus */
export function PlusIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  );
}

/** read only: an eye */
export function EyeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z" />
      <circle cx="8" cy="8" r="2" />
    </Icon>
  );
}

/** 数据集: a database (a stack of discs) */
export function DatabaseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <ellipse cx="8" cy="3.8" rx="5.5" ry="2" />
      <path d="M2.5 3.8v8.4c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V3.8" />
      <path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" />
    </Icon>
  );
}

/** a warning: a filled triangle with an exclamation mark */
export function WarningIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 1.5 15 14.5H1z" fill="currentColor" stroke="none" />
      <path d="M8 6v4.2M8 11.8v.9" stroke="#fff" />
    </Icon>
  );
}
