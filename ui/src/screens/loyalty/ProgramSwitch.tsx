// Loyalty on / off (issue 17). Switching on asks what to do with past orders — none (default),
// the last N months, or all — then the core earns them in batches on a worker
// (laoke::loyalty::program); this card polls the progress and never waits on the work, so the
// window stays usable. A start cut short (the app closed) shows as "starting" and continues
// when opened again. Only the owner switches; everyone sees the state.
import { Alert, App as AntApp, Card, InputNumber, Modal, Progress, Radio, Space, Switch, Typography, type ButtonProps } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n";
import { loyaltyProgram, loyaltyStart, loyaltySwitchOff, type LoyaltyPast, type LoyaltyProgram } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { formatPoints } from "./format";

const POLL_MS = 500;

/** Percent of past orders done (100 when there are none). */
export function startPercent(p: Pick<LoyaltyProgram, "done" | "total">): number {
  return p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
}

export function ProgramSwitch({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [program, setProgram] = useState<LoyaltyProgram | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [choice, setChoice] = useState<"none" | "months" | "all">("none");
  const [months, setMonths] = useState(12);
  const [busy, setBusy] = useState(false);
  const resumed = useRef(false);
  const owner = session.role === "owner";

  const load = useCallback(async () => {
    try {
      setProgram(await loyaltyProgram());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  // While starting: poll; the owner's window also makes sure a worker runs (a start cut short).
  useEffect(() => {
    if (program?.state !== "starting") return;
    if (owner && !resumed.current) {
      resumed.current = true;
      loyaltyStart(program.past).catch(() => undefined);
    }
    const timer = window.setTimeout(() => {
      void loyaltyProgram()
        .then((p) => {
          setProgram(p);
          if (p.state === "on") {
            void message.success(t("loyalty.program.done", { orders: p.earnedOrders, points: formatPoints(p.earnedPoints) }));
            onChanged?.();
          }
        })
        .catch((e: unknown) => setError(errorText(e)));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [program, owner, message, t, onChanged, errorText]);

  const start = async () => {
    const past: LoyaltyPast = choice === "months" ? { kind: "months", months } : { kind: choice };
    setBusy(true);
    try {
      resumed.current = true;
      setProgram(await loyaltyStart(past));
      setAsking(false);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const stop = () =>
    Modal.confirm({
      title: t("loyalty.program.stopTitle"),
      content: t("loyalty.program.stopText"),
      okText: t("loyalty.program.stop"),
      okButtonProps: { danger: true, "data-testid": "loyalty-program-stop-ok" } as ButtonProps,
      onOk: async () => {
        try {
          setProgram(await loyaltySwitchOff());
          onChanged?.();
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  if (error) return <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />;
  if (!program) return null;
  const on = program.state !== "off";
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="loyalty-program">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text strong>{t("loyalty.program.title")}</Typography.Text>
          <Switch
            checked={on}
            disabled={!owner || program.state === "starting"}
            loading={program.state === "starting"}
            onChange={(v) => (v ? setAsking(true) : stop())}
            data-testid="loyalty-program-switch"
          />
          <Typography.Text type="secondary" data-testid="loyalty-program-state">
            {program.state === "starting" ? t("loyalty.program.starting") : on ? t("loyalty.program.on") : t("loyalty.program.off")}
          </Typography.Text>
        </Space>
        {program.state === "on" && (
          <Typography.Text type="secondary">
            {program.earnFrom && program.changedAt
              ? t("loyalty.program.onSince", { at: formatDateTime(program.changedAt), by: program.changedBy, from: formatDateTime(program.earnFrom).slice(0, 10) })
              : t("loyalty.program.onAll")}
          </Typography.Text>
        )}
        {program.state === "off" && <Typography.Text type="secondary">{t("loyalty.program.offText")}</Typography.Text>}
        {program.state === "starting" && (
          <div data-testid="loyalty-program-progress">
            <Progress percent={startPercent(program)} status="active" />
            <Typography.Text type="secondary">
              {t("loyalty.program.progress", { done: program.done.toLocaleString(), total: program.total.toLocaleString(), orders: program.earnedOrders.toLocaleString(), points: formatPoints(program.earnedPoints) })}
            </Typography.Text>
          </div>
        )}
        {!owner && program.state === "off" && <Typography.Text type="secondary">{t("loyalty.program.ownerOnly")}</Typography.Text>}
      </Space>
      <Modal
        open={asking}
        title={t("loyalty.program.startTitle")}
        okText={t("loyalty.program.start")}
        onOk={() => void start()}
        confirmLoading={busy}
        onCancel={() => setAsking(false)}
        okButtonProps={{ "data-testid": "loyalty-program-start" } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("loyalty.program.pastQuestion")}</Typography.Paragraph>
        <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as typeof choice)} data-testid="loyalty-program-past">
          <Space direction="vertical">
            <Radio value="none">{t("loyalty.program.pastNone")}</Radio>
            <Radio value="months">
              <Space>
                {t("loyalty.program.pastMonths")}
                <InputNumber min={1} max={120} value={months} onChange={(v) => setMonths(v ?? 12)} disabled={choice !== "months"} size="small" />
                {t("loyalty.program.months")}
              </Space>
            </Radio>
            <Radio value="all">{t("loyalty.program.pastAll")}</Radio>
          </Space>
        </Radio.Group>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t("loyalty.program.pastNote")}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
