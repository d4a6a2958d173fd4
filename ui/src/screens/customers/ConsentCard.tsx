import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, Checkbox, List, Modal, Popconfirm, Radio, Select, Space, Timeline, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import {
  CONSENT_CHANNELS,
  CONSENT_SOURCES,
  customersConsentHistory,
  customersConsentRecord,
  customersConsentWithdraw,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentState,
} from "../../lib/backend";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";

const SOURCE_KEYS = [...CONSENT_SOURCES, "import", "withdrawal"] as const;

/** Marketing consent per channel (PIPL): current choice, history, record, withdraw all. */
export function ConsentCard(props: {
  customerId: number;
  consent: ConsentState[];
  editable: boolean;
  onChanged: (c: ConsentState[]) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [recording, setRecording] = useState(false);
  const [channels, setChannels] = useState<ConsentChannel[]>([]);
  const [granted, setGranted] = useState(true);
  const [source, setSource] = useState<string>("in_store_form");
  const [history, setHistory] = useState<ConsentEvent[] | null>(null);
  const [busy, setBusy] = useState(false);

  const sourceLabel = (s: string | null) => {
    const k = SOURCE_KEYS.find((x) => x === s);
    return k ? t(`cust.consentSource.${k}`) : (s ?? "");
  };

  const run = async (work: () => Promise<ConsentState[]>, done: string) => {
    setBusy(true);
    try {
      props.onChanged(await work());
      setHistory(null);
      void message.success(done);
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t("cust.consent.title")}
      variant="borderless"
      style={{ height: "100%" }}
      data-testid="c360-consent"
      extra={
        props.editable && (
          <Space>
            <Button size="small" onClick={() => setRecording(true)} data-testid="consent-record">
              {t("cust.consent.record")}
            </Button>
            <Popconfirm
              title={t("cust.consent.withdrawConfirm")}
              okText={t("cust.consent.withdraw")}
              cancelText={t("common.cancel")}
              onConfirm={() => run(() => customersConsentWithdraw(props.customerId), t("cust.consent.withdrawn"))}
            >
              <Button size="small" danger data-testid="consent-withdraw">
                {t("cust.consent.withdraw")}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <List
        size="small"
        dataSource={props.consent}
        renderItem={(s) => (
          <List.Item data-testid={`consent-${s.channel}`}>
            <Space>
              {s.granted === true ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : s.granted === false ? (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              ) : (
                <MinusCircleOutlined style={{ color: "#bfbfbf" }} />
              )}
              <Typography.Text strong>{t(`cust.consentChannel.${s.channel}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {s.granted === true ? t("cust.consent.granted") : s.granted === false ? t("cust.consent.refused") : t("cust.consent.notAsked")}
              </Typography.Text>
            </Space>
            {s.at && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(s.at)} · {sourceLabel(s.source)}
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        onClick={() =>
          history
            ? setHistory(null)
            : void customersConsentHistory(props.customerId).then(setHistory, (e: unknown) => void message.error(errorText(e)))
        }
      >
        {history ? t("cust.consent.hideHistory") : t("cust.consent.showHistory")}
      </Button>
      {history && (
        <Timeline
          style={{ marginTop: 12 }}
          items={
            history.length
              ? history.map((e, i) => ({
                  key: i,
                  color: e.granted ? "green" : "red",
                  children: `${formatDateTime(e.at)} ${t(`cust.consentChannel.${e.channel}`)} ${e.granted ? t("cust.consent.granted") : t("cust.consent.refused")} · ${sourceLabel(e.source)} · ${e.recordedBy}`,
                }))
              : [{ key: 0, color: "gray", children: t("cust.consent.noHistory") }]
          }
        />
      )}
      <Modal
        open={recording}
        title={t("cust.consent.record")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        okButtonProps={{ disabled: channels.length === 0, loading: busy, "data-testid": "consent-save" } as ButtonProps}
        onCancel={() => setRecording(false)}
        onOk={async () => {
          const ok = await run(
            () => customersConsentRecord(props.customerId, channels.map((channel) => ({ channel, granted })), source),
            t("common.saved"),
          );
          if (ok) {
            setRecording(false);
            setChannels([]);
          }
        }}
      >
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          <Checkbox.Group
            value={channels}
            onChange={(v) => setChannels(v as ConsentChannel[])}
            options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`cust.consentChannel.${c}`) }))}
          />
          <Radio.Group value={granted} onChange={(e) => setGranted(e.target.value as boolean)}>
            <Radio value={true}>{t("cust.consent.granted")}</Radio>
            <Radio value={false}>{t("cust.consent.refused")}</Radio>
          </Radio.Group>
          <Space>
            <Typography.Text>{t("cust.consent.source")}</Typography.Text>
            <Select
              value={source}
              onChange={setSource}
              style={{ width: 200 }}
              options={CONSENT_SOURCES.map((s) => ({ value: s, label: t(`cust.consentSource.${s}`) }))}
            />
          </Space>
        </Space>
      </Modal>
    </Card>
  );
}
