import { Alert, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { useI18n, type MessageKey } from "../../i18n";
import { loyaltyAdjust } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { useErrorText } from "../../lib/useErrorText";

/** The form's values checked before they go to the core (which checks again, with role limits). */
export function checkAdjust(points: number | null, reason: string, ticket: string): { ok: true; ticketId: number | null } | { ok: false; key: MessageKey } {
  if (points === null || !Number.isInteger(points) || points === 0) return { ok: false, key: "c360.adjust.needPoints" };
  if (!reason.trim()) return { ok: false, key: "c360.adjust.needReason" };
  const tk = ticket.trim().replace(/^#/, "");
  if (tk && !/^\d+$/.test(tk)) return { ok: false, key: "c360.adjust.badTicket" };
  return { ok: true, ticketId: tk ? Number(tk) : null };
}

/**
 * Add or remove points by hand: a reason is required, a ticket optional. A rep's limit (500)
 * is the core's rule; when it refuses, its message is shown here as it comes.
 */
export function AdjustPoints({ customerId, open, onClose, onDone }: { customerId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const errorText = useErrorText();
  const [points, setPoints] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setPoints(null);
    setReason("");
    setTicket("");
    setError(null);
  };

  const submit = async () => {
    const c = checkAdjust(points, reason, ticket);
    if (!c.ok) {
      setError(t(c.key));
      return;
    }
    setBusy(true);
    try {
      await loyaltyAdjust({ customerId, points: points ?? 0, reason: reason.trim(), ticketId: c.ticketId });
      reset();
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("c360.adjust.title")}
      okText={t("c360.adjust.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, ...({ "data-testid": "adjust-ok" } as object) }}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("c360.adjust.points")} required>
          <InputNumber value={points} precision={0} onChange={(v) => {
              setPoints(v);
              setError(null);
            }} style={{ width: 200 }} data-testid="adjust-points" />
        </Form.Item>
        <Form.Item label={t("c360.adjust.reason")} required>
          <Input.TextArea value={reason} rows={2} maxLength={200} placeholder={t("c360.adjust.reasonPlaceholder")} onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }} data-testid="adjust-reason" />
        </Form.Item>
        <Form.Item label={t("c360.adjust.ticket")}>
          <Input value={ticket} onChange={(e) => setTicket(e.target.value)} style={{ width: 200 }} data-testid="adjust-ticket" />
        </Form.Item>
      </Form>
      {session.role === "rep" && <Typography.Paragraph type="secondary">{t("c360.adjust.repLimit")}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon message={error} data-testid="adjust-error" />}
    </Modal>
  );
}
