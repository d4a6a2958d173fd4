import { SwapOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Checkbox, Modal, Radio, Space, Spin, Table, Typography, type ButtonProps } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import {
  customersMerge,
  customersMergePreview,
  MERGE_FIELDS,
  isMergeField,
  type CustomerRecord,
  type MergeField,
  type MergeOutcome,
  type MergePreview,
} from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { platformLabel } from "./Customer360";

type Side = "keep" | "other";

function fieldValue(c: CustomerRecord, f: MergeField, t: ReturnType<typeof useI18n>["t"]): string {
  switch (f) {
    case "gender":
      return t(`gender.${c.gender}`);
    case "wechatId":
      return c.wechatId ?? "";
    case "sourceChannel":
      return c.sourceChannel ?? "";
    case "notes":
      return c.notes;
    default:
      return (c[f] as string | null) ?? "";
  }
}

/** Side-by-side merge: per differing field, which record's value wins. */
export function MergeModal(props: { pair: [number, number] | null; onClose: () => void; onMerged: (o: MergeOutcome) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [swapped, setSwapped] = useState(false);
  const [choice, setChoice] = useState<Partial<Record<MergeField, Side>>>({});
  const [combineNotes, setCombineNotes] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    setSwapped(false);
    setChoice({});
    setCombineNotes(false);
    setError(null);
    if (!props.pair) return;
    let live = true;
    customersMergePreview(props.pair[0], props.pair[1]).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        // Empty kept values take the other record's value by default.
        const start: Partial<Record<MergeField, Side>> = {};
        for (const f of p.differing.filter(isMergeField)) start[f] = fieldValue(p.keep, f, t) === "" ? "other" : "keep";
        setChoice(start);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [props.pair, errorText, t]);

  const keep = preview ? (swapped ? preview.other : preview.keep) : null;
  const other = preview ? (swapped ? preview.keep : preview.other) : null;
  const keepOrders = preview ? (swapped ? preview.otherOrders : preview.keepOrders) : 0;
  const otherOrders = preview ? (swapped ? preview.keepOrders : preview.otherOrders) : 0;
  const side = (f: MergeField): Side => {
    const c = choice[f] ?? "keep";
    return swapped ? (c === "keep" ? "other" : "keep") : c;
  };
  const setSide = (f: MergeField, s: Side) => setChoice({ ...choice, [f]: swapped ? (s === "keep" ? "other" : "keep") : s });

  const merge = async () => {
    if (!keep || !other) return;
    setBusy(true);
    try {
      const takeFromOther = MERGE_FIELDS.filter((f) => preview?.differing.includes(f) && side(f) === "other");
      const out = await customersMerge(keep.id, other.id, { takeFromOther, combineNotes });
      void message.success(t("cust.merge.done", { n: out.movedOrders }));
      props.onMerged(out);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = keep && other ? [...MERGE_FIELDS] : [];
  return (
    <Modal
      open={props.pair !== null}
      width={860}
      title={t("cust.merge.title")}
      okText={t("cust.merge.ok")}
      cancelText={t("common.cancel")}
      onCancel={props.onClose}
      onOk={() => void merge()}
      okButtonProps={{ loading: busy, disabled: !preview, "data-testid": "merge-ok" } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!preview && !error && <Spin />}
      {keep && other && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Alert type="info" showIcon message={t("cust.merge.explain", { keep: keep.name, n: otherOrders })} />
          <Table
            size="small"
            pagination={false}
            rowKey={(f) => f}
            dataSource={rows}
            data-testid="merge-table"
            columns={[
              { title: "", key: "field", width: 110, render: (_: unknown, f: MergeField) => <Typography.Text type="secondary">{t(`cust.mergeField.${f}`)}</Typography.Text> },
              {
                title: (
                  <Space>
                    {t("cust.merge.kept", { id: keep.id, n: keepOrders })}
                    <Button size="small" icon={<SwapOutlined />} onClick={() => setSwapped(!swapped)} data-testid="merge-swap">
                      {t("cust.merge.swap")}
                    </Button>
                  </Space>
                ),
                key: "keep",
                render: (_: unknown, f: MergeField) =>
                  preview?.differing.includes(f) ? (
                    <Radio checked={side(f) === "keep"} onChange={() => setSide(f, "keep")}>
                      {fieldValue(keep, f, t) || t("common.none")}
                    </Radio>
                  ) : (
                    fieldValue(keep, f, t) || t("common.none")
                  ),
              },
              {
                title: t("cust.merge.other", { id: other.id, n: otherOrders }),
                key: "other",
                render: (_: unknown, f: MergeField) =>
                  preview?.differing.includes(f) ? (
                    <Radio checked={side(f) === "other"} onChange={() => setSide(f, "other")} data-testid={`merge-take-${f}`}>
                      {fieldValue(other, f, t) || t("common.none")}
                    </Radio>
                  ) : (
                    <Typography.Text type="secondary">{t("cust.merge.same")}</Typography.Text>
                  ),
              },
            ]}
          />
          <Typography.Text type="secondary">
            {t("cust.merge.union", {
              phones: [...new Set([...keep.phones, ...other.phones])].join("，") || t("common.none"),
              nicks: [...keep.nicks, ...other.nicks].map((n) => `${platformLabel(t, n.platform)} ${n.nick}`).join("，") || t("common.none"),
              tags: [...new Set([...keep.tags, ...other.tags])].join("，") || t("common.none"),
            })}
          </Typography.Text>
          {preview?.differing.includes("notes") && (
            <Checkbox checked={combineNotes} onChange={(e) => setCombineNotes(e.target.checked)}>
              {t("cust.merge.combineNotes")}
            </Checkbox>
          )}
        </Space>
      )}
    </Modal>
  );
}
