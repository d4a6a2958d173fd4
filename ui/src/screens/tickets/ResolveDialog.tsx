// Resolve a ticket: CSAT 1–5 as told by the customer (reason from the preset list required for
// 1–2), root cause, a note, and compensation: a refund note, points (through the loyalty ledger
// with the ticket id; reps up to 500) and, for owner / manager, a coupon. The core re-checks all.
import { Alert, Form, Input, InputNumber, Modal, Rate, Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/appContext";
import {
  couponsList,
  CSAT_REASONS,
  ROOT_CAUSES,
  ticketsResolve,
  type Compensation,
  type Coupon,
  type CsatReason,
  type RootCause,
  type TicketDetail,
} from "../../lib/backend";
import { describeCoupon } from "../loyalty/labels";
import { parseYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { lbl } from "./labels";

export function ResolveDialog({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: (d: TicketDetail) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [csat, setCsat] = useState(0);
  const [reason, setReason] = useState<CsatReason | null>(null);
  const [cause, setCause] = useState<RootCause | null>(null);
  const [note, setNote] = useState("");
  const [refund, setRefund] = useState("");
  const [refundNote, setRefundNote] = useState("");
  const [points, setPoints] = useState<number | null>(null);
  const [pointsReason, setPointsReason] = useState("");
  const [couponId, setCouponId] = useState<number | null>(null);
  const [coupons, setCoupons] = useState<Coupon[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useSession();
  const mayIssueCoupons = session.role !== "rep";

  useEffect(() => {
    if (!mayIssueCoupons) return;
    const now = Date.now();
    couponsList()
      .then((all) => setCoupons(all.filter((c) => Date.parse(c.validTo) > now)))
      .catch(() => setCoupons([]));
  }, [mayIssueCoupons]);

  const submit = async () => {
    if (csat > 0 && csat <= 2 && !reason) {
      setError(t("resolve.reasonRequired"));
      return;
    }
    const compensation: Compensation[] = [];
    if (refund.trim()) {
      const fen = parseYuan(refund);
      if (!fen.ok) {
        setError(`${t("resolve.refund")}: ${t(`money.invalid.${fen.reason}`)}`);
        return;
      }
      compensation.push({ kind: "refundNote" as const, amountFen: fen.fen, note: refundNote });
    }
    if (points) {
      compensation.push({ kind: "points", points, reason: pointsReason.trim() || t("resolve.pointsReasonDefault", { no: ticket.row.no }) });
    }
    if (couponId != null) {
      compensation.push({ kind: "coupon", couponId });
    }
    setBusy(true);
    try {
      const d = await ticketsResolve(ticket.row.id, {
        csat: csat || null,
        csatReason: csat > 0 && csat <= 2 ? reason : null,
        rootCause: cause,
        note,
        compensation,
      });
      onDone(d);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t("resolve.title", { no: ticket.row.no })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("resolve.submit")}
      okButtonProps={{ loading: busy, ...{ "data-testid": "resolve-submit" } }}
      width={560}
      destroyOnHidden
    >
      <div
        data-testid="resolve-dialog"
        onKeyDownCapture={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t("resolve.csat")} style={{ marginBottom: 12 }}>
            <Rate value={csat} onChange={setCsat} data-testid="resolve-csat" />
          </Form.Item>
          {csat > 0 && csat <= 2 && (
            <Form.Item label={t("resolve.csatReason")} required style={{ marginBottom: 12 }}>
              <Select
                value={reason ?? undefined}
                onChange={setReason}
                options={CSAT_REASONS.map((c) => ({ value: c, label: lbl(t, "csatReason", c) }))}
                data-testid="resolve-reason"
              />
            </Form.Item>
          )}
          <Form.Item label={t("resolve.rootCause")} style={{ marginBottom: 12 }}>
            <Select
              allowClear
              value={cause ?? undefined}
              onChange={(v) => setCause(v ?? null)}
              options={ROOT_CAUSES.map((c) => ({ value: c, label: lbl(t, "rootCause", c) }))}
              data-testid="resolve-cause"
            />
          </Form.Item>
          <Form.Item label={t("resolve.note")} style={{ marginBottom: 12 }}>
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2 }} data-testid="resolve-note" />
          </Form.Item>
          <Form.Item label={t("resolve.refund")} style={{ marginBottom: 8 }}>
            <Input prefix="¥" value={refund} onChange={(e) => setRefund(e.target.value)} style={{ width: 160 }} data-testid="resolve-refund" />
          </Form.Item>
          {refund.trim() && (
            <Form.Item label={t("resolve.refundNote")} style={{ marginBottom: 8 }}>
              <Input value={refundNote} onChange={(e) => setRefundNote(e.target.value)} data-testid="resolve-refund-note" />
            </Form.Item>
          )}
          <Form.Item label={t("resolve.points")} style={{ marginBottom: 8 }} extra={session.role === "rep" ? t("resolve.pointsRepLimit") : undefined}>
            <InputNumber min={1} precision={0} value={points} onChange={(v) => setPoints(v ?? null)} style={{ width: 160 }} data-testid="resolve-points" />
          </Form.Item>
          {!!points && (
            <Form.Item label={t("resolve.pointsReason")} style={{ marginBottom: 8 }}>
              <Input
                value={pointsReason}
                placeholder={t("resolve.pointsReasonDefault", { no: ticket.row.no })}
                onChange={(e) => setPointsReason(e.target.value)}
                data-testid="resolve-points-reason"
              />
            </Form.Item>
          )}
          {mayIssueCoupons && (
            <Form.Item label={t("resolve.coupon")} style={{ marginBottom: 8 }}>
              <Select
                allowClear
                value={couponId ?? undefined}
                onChange={(v) => setCouponId(v ?? null)}
                notFoundContent={t("resolve.noCoupons")}
                options={coupons.map((c) => ({ value: c.id, label: `${c.name} · ${describeCoupon(t, c)}` }))}
                data-testid="resolve-coupon"
              />
            </Form.Item>
          )}
        </Form>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="resolve-error" />}
      </div>
    </Modal>
  );
}
