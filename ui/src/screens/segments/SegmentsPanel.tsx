// 客户分组: the ready-made segments and the saved ones with their size, share and spend; a count
// opens the segment as a customer list (#/customers?segment=KEY). Owner and manager create, edit
// and delete saved segments (the core checks the role too).
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n";
import { segmentsDelete, segmentsList, type SegmentSummary } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatCount } from "../../lib/format";
import { formatYuan } from "../../lib/money";
import { useErrorText } from "../../lib/useErrorText";
import { customersHref } from "../customers/scoreFilters";
import { formatShare } from "../insight/labels";
import { SegmentEditor } from "./SegmentEditor";

export function SegmentsPanel() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const canEdit = useSession().role !== "rep";
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<SegmentSummary | "new" | null>(null);

  const load = useCallback(async () => {
    try {
      setSegments(await segmentsList());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (s: SegmentSummary) => {
    if (s.id === null) return;
    try {
      await segmentsDelete(s.id);
      void message.success(t("segments.deleted"));
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const name = (s: SegmentSummary) => (lang === "en" ? s.nameEn : s.nameZh);
  const columns = [
    {
      key: "name",
      title: t("segments.col.name"),
      render: (_: unknown, s: SegmentSummary) => (
        <Space>
          <Typography.Text strong data-testid="segment-name">
            {name(s)}
          </Typography.Text>
          <Tag bordered={false} color={s.builtin ? "default" : "cyan"}>
            {t(s.builtin ? "segments.builtin" : "segments.saved")}
          </Tag>
        </Space>
      ),
    },
    {
      key: "customers",
      title: t("insight.col.customers"),
      align: "right" as const,
      render: (_: unknown, s: SegmentSummary) => (
        <Link to={customersHref({ segment: s.key })} className="mono-num" data-testid={`segment-count-${s.key}`}>
          {formatCount(s.customers, lang)}
        </Link>
      ),
    },
    { key: "share", title: t("insight.col.shareAll"), align: "right" as const, render: (_: unknown, s: SegmentSummary) => <span className="mono-num">{formatShare(s.share)}</span> },
    { key: "spend", title: t("insight.col.spend"), align: "right" as const, render: (_: unknown, s: SegmentSummary) => <span className="mono-num">{formatYuan(s.spendFen)}</span> },
    ...(canEdit
      ? [
          {
            key: "actions",
            title: "",
            width: 120,
            render: (_: unknown, s: SegmentSummary) =>
              s.builtin ? null : (
                <Space size={4}>
                  <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(s)} aria-label={t("segments.edit")} data-testid={`segment-edit-${s.key}`} />
                  <Popconfirm title={t("segments.deleteConfirm", { name: name(s) })} okText={t("segments.delete")} cancelText={t("common.cancel")} onConfirm={() => void remove(s)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("segments.delete")} data-testid={`segment-delete-${s.key}`} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="segments-panel">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 12 }}>
        <Typography.Text type="secondary">{t("segments.help")}</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="segment-new">
            {t("segments.new")}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<SegmentSummary> rowKey="key" size="middle" pagination={false} loading={!segments && !error} columns={columns} dataSource={segments ?? []} data-testid="segments-table" onRow={() => ({ "data-testid": "segment-row" }) as React.HTMLAttributes<HTMLElement>} />
      {editing && (
        <SegmentEditor
          segment={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
