import { DeleteOutlined, ExperimentOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Spin, Statistic, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyApplyRules, loyaltyRules, loyaltyWhatIf, type ExpiryPolicy, type LoyaltyRules, type TierDef, type WhatIf } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { fenToInput, formatYuan, parseYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { HBarChart } from "./BarChart";
import { formatPoints, signedPoints } from "./format";
import { TIER_COLORS, tierName } from "./labels";

/**
 * The points rules (earn, redeem, tiers, expiry). Only the owner edits (the core refuses the
 * others); a save needs a what-if preview of exactly the rules being saved.
 */
export function RulesTab() {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const owner = session.role === "owner";
  const [saved, setSaved] = useState<LoyaltyRules | null>(null);
  const [draft, setDraft] = useState<LoyaltyRules | null>(null);
  const [thresholds, setThresholds] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ key: string; result: WhatIf } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const adopt = (rules: LoyaltyRules) => {
    setSaved(rules);
    setDraft(rules);
    setThresholds(rules.tiers.map((x) => fenToInput(x.thresholdFen)));
    setPreview(null);
  };

  useEffect(() => {
    loyaltyRules().then(
      (v) => adopt(v.rules),
      (e: unknown) => setError(errorText(e)),
    );
  }, [errorText]);

  if (!draft || !saved) return error ? <Alert type="error" showIcon message={error} /> : <Spin />;

  // The draft as the core would receive it: thresholds typed in ¥ parsed exactly to fen.
  const badThreshold = thresholds.findIndex((s) => !parseYuan(s).ok);
  const rules: LoyaltyRules = {
    ...draft,
    tiers: draft.tiers.map((x, i) => {
      const p = parseYuan(thresholds[i] ?? "");
      return { ...x, thresholdFen: p.ok ? p.fen : x.thresholdFen };
    }),
  };
  const key = JSON.stringify(rules);
  const changed = key !== JSON.stringify(saved);
  const fresh = preview?.key === key;

  const set = (patch: Partial<LoyaltyRules>) => setDraft({ ...draft, ...patch });
  const setTier = (i: number, patch: Partial<TierDef>) => set({ tiers: draft.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const expiryMonths = draft.expiry.kind === "off" ? 12 : draft.expiry.months;
  const setExpiry = (kind: ExpiryPolicy["kind"], months: number) =>
    set({ expiry: kind === "off" ? { kind: "off" } : { kind, months } });

  const num = (value: number, onChange: (v: number) => void, testId: string, min = 0, max?: number, suffix?: string) => (
    <InputNumber
      value={value}
      min={min}
      max={max}
      precision={0}
      disabled={!owner}
      addonAfter={suffix}
      onChange={(v) => onChange(v ?? min)}
      data-testid={testId}
      style={{ width: 160 }}
    />
  );

  const tierColumns = [
    {
      title: t("rules.tier.name"),
      key: "name",
      render: (_: unknown, x: TierDef, i: number) => (
        <Space.Compact>
          <Input value={x.nameZh} disabled={!owner} onChange={(e) => setTier(i, { nameZh: e.target.value })} style={{ width: 110 }} aria-label="中文" />
          <Input value={x.nameEn} disabled={!owner} onChange={(e) => setTier(i, { nameEn: e.target.value })} style={{ width: 100 }} aria-label="English" />
        </Space.Compact>
      ),
    },
    {
      title: t("rules.tier.threshold"),
      key: "threshold",
      width: 150,
      render: (_: unknown, _x: TierDef, i: number) => (
        <Input
          value={thresholds[i]}
          disabled={!owner || i === 0}
          status={parseYuan(thresholds[i] ?? "").ok ? undefined : "error"}
          onChange={(e) => setThresholds(thresholds.map((s, j) => (j === i ? e.target.value : s)))}
          data-testid={`rules-tier-threshold-${i}`}
        />
      ),
    },
    {
      title: t("rules.tier.multiplier"),
      key: "mult",
      width: 130,
      render: (_: unknown, x: TierDef, i: number) => (
        <InputNumber value={x.multiplierPct} min={0} max={1000} precision={0} disabled={!owner} onChange={(v) => setTier(i, { multiplierPct: v ?? 100 })} />
      ),
    },
    {
      title: t("rules.tier.discount"),
      key: "disc",
      width: 110,
      render: (_: unknown, x: TierDef, i: number) => (
        <InputNumber value={x.discountPct} min={0} max={99} precision={0} disabled={!owner} onChange={(v) => setTier(i, { discountPct: v ?? 0 })} />
      ),
    },
    {
      title: t("rules.tier.notes"),
      key: "notes",
      render: (_: unknown, x: TierDef, i: number) => <Input value={x.notes} disabled={!owner} onChange={(e) => setTier(i, { notes: e.target.value })} />,
    },
    ...(owner
      ? [
          {
            title: "",
            key: "remove",
            width: 50,
            render: (_: unknown, _x: TierDef, i: number) =>
              i > 0 && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t("rules.tier.remove")}
                  onClick={() => {
                    set({ tiers: draft.tiers.filter((_y, j) => j !== i) });
                    setThresholds(thresholds.filter((_y, j) => j !== i));
                  }}
                />
              ),
          },
        ]
      : []),
  ];


  return (
    <div data-testid="loyalty-rules">
      {!owner && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("rules.ownerOnly")} description={t("rules.ownerOnlyText")} data-testid="rules-owner-only" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("rules.earn")} style={{ height: "100%" }}>
            <Form layout="vertical">
              <Form.Item label={t("rules.pointsPerYuan")}>{num(draft.pointsPerYuan, (v) => set({ pointsPerYuan: v }), "rules-points-per-yuan", 0, 1000)}</Form.Item>
              <Form.Item label={t("rules.lockDays")}>{num(draft.lockDays, (v) => set({ lockDays: v }), "rules-lock-days", 0, 365)}</Form.Item>
              <Form.Item label={t("rules.birthdayBonus")} extra={t("rules.birthdayBonusHelp")}>
                {num(draft.birthdayBonusPoints, (v) => set({ birthdayBonusPoints: v }), "rules-birthday-bonus", 0, 100000)}
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("rules.redeem")} style={{ height: "100%" }}>
            <Form layout="vertical">
              <Space wrap>
                <Form.Item label={t("rules.pointsPerYuanRedeemed")}>{num(draft.redeemPointsPerYuan, (v) => set({ redeemPointsPerYuan: v }), "rules-redeem-rate", 1)}</Form.Item>
                <Form.Item label={t("rules.minRedeem")}>{num(draft.redeemMinPoints, (v) => set({ redeemMinPoints: v }), "rules-redeem-min")}</Form.Item>
                <Form.Item label={t("rules.maxShare")}>{num(draft.redeemMaxSharePct, (v) => set({ redeemMaxSharePct: v }), "rules-redeem-share", 0, 100, "%")}</Form.Item>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t("rules.tiers")}>
            <Space wrap style={{ marginBottom: 12 }}>
              <span>{t("rules.tierWindow")}</span>
              <Select
                value={draft.tierBasis}
                disabled={!owner}
                onChange={(tierBasis) => set({ tierBasis })}
                style={{ width: 160 }}
                options={[
                  { value: "last12_months", label: t("rules.tierWindow.last12Months") },
                  { value: "lifetime", label: t("rules.tierWindow.lifetime") },
                ]}
              />
              <span>{t("rules.retention")}</span>
              {num(draft.tierRetentionMonths, (v) => set({ tierRetentionMonths: v }), "rules-retention", 0, 120)}
            </Space>
            <Table<TierDef> rowKey={(_x, i) => String(i)} size="small" columns={tierColumns} dataSource={draft.tiers} pagination={false} scroll={{ x: 800 }} data-testid="rules-tiers" />
            {owner && (
              <Button
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => {
                  // A code no tier has yet (codes are stored on customers: never reuse one).
                  let n = draft.tiers.length + 1;
                  while (draft.tiers.some((x) => x.code === `tier${n}`)) n += 1;
                  set({ tiers: [...draft.tiers, { code: `tier${n}`, nameZh: `等级${n}`, nameEn: `Tier ${n}`, thresholdFen: 0, multiplierPct: 100, discountPct: 0, notes: "" }] });
                  setThresholds([...thresholds, ""]);
                }}
              >
                {t("rules.tier.add")}
              </Button>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t("rules.expiry")}>
            <Radio.Group value={draft.expiry.kind} disabled={!owner} onChange={(e) => setExpiry(e.target.value as ExpiryPolicy["kind"], expiryMonths)} data-testid="rules-expiry">
              <Space direction="vertical">
                <Radio value="off">{t("rules.expiry.none")}</Radio>
                <Radio value="after_earning" data-testid="rules-expiry-after-earning">{t("rules.expiry.afterEarning")}</Radio>
                <Radio value="inactivity">{t("rules.expiry.inactivity")}</Radio>
              </Space>
            </Radio.Group>
            {draft.expiry.kind !== "off" && (
              <div style={{ marginTop: 8 }}>
                {t("rules.expiry.months")} {num(expiryMonths, (v) => setExpiry(draft.expiry.kind, v), "rules-expiry-months", 1, 120)}
              </div>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t("rules.expiry.note")}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="rules-error" />}

      {preview && (
        <Card size="small" style={{ marginTop: 16 }} title={t("rules.previewTitle")} data-testid="rules-preview">
          {!fresh && <Alert type="warning" showIcon message={t("rules.previewStale")} style={{ marginBottom: 12 }} />}
          <WhatIfResult result={preview.result} tiers={rules.tiers} />
        </Card>
      )}

      {owner && (
        <Space style={{ marginTop: 16 }}>
          <Button icon={<ExperimentOutlined />} loading={busy} disabled={badThreshold >= 0} onClick={() => void run(async () => setPreview({ key, result: await loyaltyWhatIf(rules) }))} data-testid="rules-preview-run">
            {t("rules.preview")}
          </Button>
          <Popconfirm
            title={t("rules.saveConfirm")}
            description={preview ? t("rules.saveConfirmText", { tiers: preview.result.customersChangingTier, change: signedPoints(preview.result.liabilityChangePoints) }) : ""}
            okText={t("rules.save")}
            cancelText={t("common.cancel")}
            disabled={!changed || !fresh}
            onConfirm={() =>
              run(async () => {
                await loyaltyApplyRules(rules);
                adopt((await loyaltyRules()).rules);
                void message.success(t("rules.saved"));
              })
            }
          >
            <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!changed || !fresh} data-testid="rules-save">
              {t("rules.save")}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}

/** The preview's numbers: customers changing tier, points expiring now, liability before → after,
 *  a year of earning at the old and new rate, and customers per tier afterwards. */
function WhatIfResult({ result: r, tiers }: { result: WhatIf; tiers: TierDef[] }) {
  const { t, lang } = useI18n();
  const bars = r.tierCounts.map(([code, n], i) => ({ key: code, label: tierName(lang, tiers, code), value: n, color: TIER_COLORS[i % TIER_COLORS.length] }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Statistic title={t("rules.changingTier")} value={formatPoints(r.customersChangingTier)} data-testid="rules-preview-tiers" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t("rules.expiring")} value={formatPoints(r.pointsExpiringNow)} data-testid="rules-preview-expiring" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t("rules.liability")} value={signedPoints(r.liabilityChangePoints)} data-testid="rules-preview-liability" />
        <Typography.Text type="secondary" className="mono-num">
          {formatYuan(r.liabilityBefore.outstandingValueFen)} → {formatYuan(r.liabilityAfter.outstandingValueFen)}
        </Typography.Text>
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t("rules.replay")} value={`${formatPoints(r.replayPointsCurrent)} → ${formatPoints(r.replayPointsNew)}`} data-testid="rules-preview-replay" />
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Text type="secondary">{t("rules.tierCountsAfter")}</Typography.Text>
        <HBarChart bars={bars} testId="rules-preview-tier-chart" format={(n) => t("loyalty.ov.customers", { n: formatPoints(n) })} />
      </Col>
    </Row>
  );
}
