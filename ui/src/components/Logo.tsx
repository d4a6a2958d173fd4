import { useI18n } from "../i18n";

/** The mark: 老 in a rounded square, plus the brand name. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: "none" }}>
      <rect width="64" height="64" rx="14" fill="#0f766e" />
      <rect x="4" y="4" width="56" height="56" rx="11" fill="none" stroke="#5eead4" strokeOpacity="0.35" strokeWidth="2" />
      <text
        x="32"
        y="45"
        fontSize="36"
        fontWeight="700"
        textAnchor="middle"
        fill="#ffffff"
        fontFamily='"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
      >
        老
      </text>
    </svg>
  );
}

export function Logo({ size = 32, light = false }: { size?: number; light?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`brand${light ? " brand-light" : ""}`}>
      <LogoMark size={size} />
      <span className="brand-text">
        <span className="brand-name">{t("brand.name")}</span>
        <span className="brand-latin">{t("brand.latin")}</span>
      </span>
    </span>
  );
}
