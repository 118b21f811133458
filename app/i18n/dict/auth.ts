/** Texts of signing in and out. */
export const authZh = {
  "auth.title": "登录",
  "auth.username": "用户名",
  "auth.password": "口令",
  "auth.submit": "登录",
  "auth.signingIn": "正在登录…",
  "auth.wrong": "用户名或口令不对。",
  "auth.locked": "失败次数过多，请 15 分钟后再试。",
  "auth.failed": "登录失败，请稍后再试。",
  "auth.hint": "账户由管理员用 npm run user 创建；演示账户的口令在首次启动时打印，并写在 data/demo-accounts.txt。",
  "auth.logout": "退出",
  "auth.role.admin": "管理员",
  "auth.role.policy": "经办",
  "auth.role.panel": "专家组",
  "auth.role.hospital": "医院代表",
} as const;

export const authEn: Record<keyof typeof authZh, string> = {
  "auth.title": "Sign in",
  "auth.username": "Username",
  "auth.password": "Password",
  "auth.submit": "Sign in",
  "auth.signingIn": "Signing in…",
  "auth.wrong": "Wrong username or password.",
  "auth.locked": "Too many failed attempts: try again in 15 minutes.",
  "auth.failed": "Signing in failed; try again later.",
  "auth.hint": "Accounts are made by an administrator with npm run user; the demo accounts' passwords are printed at the first start and written to data/demo-accounts.txt.",
  "auth.logout": "Sign out",
  "auth.role.admin": "Administrator",
  "auth.role.policy": "Policy staff",
  "auth.role.panel": "Expert panel",
  "auth.role.hospital": "Hospital representative",
};
