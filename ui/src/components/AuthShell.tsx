import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";

/** Full-window frame for the wizard, login and lock screens. */
export function AuthShell({ children, width = 440, testId }: { children: ReactNode; width?: number; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="auth-shell" data-testid={testId}>
      <header className="auth-top">
        <Logo size={36} light />
        <LanguageSwitch size="small" />
      </header>
      <main className="auth-main">
        <div className="auth-card" style={{ maxWidth: width }}>
          {children}
        </div>
      </main>
      <footer className="auth-foot">{t("brand.tagline")}</footer>
    </div>
  );
}
