// Log one contact with a customer (回访 / 关怀 / 催付 / 召回 / 生日): channel, outcome, notes and
// the next contact date. Used from the Today page (one click per row) and the customer 360 card.
import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useI18n } from "../../i18n";
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_KINDS,
  followupsLog,
  OUTCOMES,
  type FollowUpChannel,
  type FollowUpKind,
  type Outcome,
} from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { announceChange } from "../tickets/changes";
import { lbl } from "../tickets/labels";

export interface FollowUpTarget {
  customerId: number;
  customerName: string;
  kind: FollowUpKind;
  orderId?: number | null;
  ticketId?: number | null;
}

export function FollowUpDialog({ target, onClose, onDone }: { target: FollowUpTarget; onClose: () => void; onDone?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [kind, setKind] = useState<FollowUpKind>(target.kind);
  const [channel, setChannel] = useState<FollowUpChannel>("phone");
  const [outcome, setOutcome] = useState<Outcome>("reached");
  const [notes, setNotes] = useState("");
  const [next, setNext] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await followupsLog({
        customerId: target.customerId,
        kind,
        channel,
        outcome,
        notes,
        orderId: target.orderId ?? null,
        ticketId: target.ticketId ?? null,
        nextContactOn: next ? next.format("YYYY-MM-DD") : null,
      });
      void message.success(t("followUp.saved"));
      announceChange();
      onDone?.();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t("followUp.title", { name: target.customerName })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t("followUp.save")}
      okButtonProps={{ loading: busy, ...{ "data-testid": "followup-save" } }}
      destroyOnHidden
    >
      <div
        data-testid="followup-dialog"
        onKeyDownCapture={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t("followUp.kind")} style={{ marginBottom: 12 }}>
            <Select value={kind} onChange={setKind} options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: lbl(t, "followUpKind", k) }))} data-testid="followup-kind" />
          </Form.Item>
          <Form.Item label={t("followUp.channel")} style={{ marginBottom: 12 }}>
            <Select value={channel} onChange={setChannel} options={FOLLOW_UP_CHANNELS.map((k) => ({ value: k, label: lbl(t, "ticketChannel", k) }))} data-testid="followup-channel" />
          </Form.Item>
          <Form.Item label={t("followUp.outcome")} style={{ marginBottom: 12 }}>
            <Select value={outcome} onChange={setOutcome} options={OUTCOMES.map((k) => ({ value: k, label: lbl(t, "outcome", k) }))} data-testid="followup-outcome" />
          </Form.Item>
          <Form.Item label={t("followUp.notes")} style={{ marginBottom: 12 }}>
            <Input.TextArea autoFocus value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 2 }} data-testid="followup-notes" />
          </Form.Item>
          <Form.Item label={t("followUp.next")} style={{ marginBottom: 0 }}>
            <DatePicker value={next} onChange={setNext} data-testid="followup-next" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="followup-error" />}
      </div>
    </Modal>
  );
}
