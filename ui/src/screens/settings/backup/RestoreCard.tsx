import { CheckCircleOutlined, FolderOpenOutlined, RollbackOutlined, SafetyCertificateOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import {
  backupList,
  backupPreview,
  backupRestore,
  pickBackupFile,
  pickFolder,
  type BackupListing,
  type BackupPreview,
} from "../../../lib/backend";
import { formatCount, formatDateTime, formatSize } from "../../../lib/format";
import { useErrorText } from "../../../lib/useErrorText";

/**
 * Restore: list the backups in a folder (date, size, app version, who made it, verified or
 * not), check any one and preview what it holds, then restore it (owner only in the core).
 */
export function RestoreCard({ onRestored }: { onRestored: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [dir, setDir] = useState("");
  const [listing, setListing] = useState<BackupListing[] | null>(null);
  const [listLoading, setListingLoading] = useState(false);
  const [file, setFile] = useState("");
  const [password, setPassword] = useState("");
  const [preview, setPreview] = useState<{ file: string; p: BackupPreview } | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [previewing, setPreviewing] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);

  const pick = async (set: (v: string) => void, picker: () => Promise<string | null>) => {
    try {
      const picked = await picker();
      if (picked) set(picked);
      return picked;
    } catch (e) {
      message.error(errorText(e));
      return null;
    }
  };

  const list = async (folder = dir) => {
    if (!folder.trim()) return;
    setListingLoading(true);
    try {
      setListing(await backupList({ dir: folder.trim() }));
    } catch (e) {
      setListing(null);
      message.error(errorText(e));
    } finally {
      setListingLoading(false);
    }
  };

  const choose = (f: string) => {
    setFile(f);
    if (preview?.file !== f) setPreview(null);
  };

  const check = async () => {
    const f = file.trim();
    if (!f || !password) {
      message.warning(t("backup.restoreMissing"));
      return;
    }
    setPreviewing(true);
    try {
      const p = await backupPreview({ file: f, password });
      setPreview({ file: f, p });
      setChecked((s) => new Set(s).add(f));
    } catch (e) {
      setPreview(null);
      message.error(errorText(e));
    } finally {
      setPreviewing(false);
    }
  };

  const restore = () => {
    const f = file.trim();
    if (!f || !password) {
      message.warning(t("backup.restoreMissing"));
      return;
    }
    modal.confirm({
      title: t("backup.restoreConfirmTitle"),
      content: t("backup.restoreConfirmText"),
      okText: t("backup.restoreConfirmOk"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: true, "data-testid": "restore-confirm" },
      onOk: async () => {
        setRestoring(true);
        setRestored(null);
        try {
          const done = await backupRestore({ file: f, password });
          setPassword("");
          setRestored(
            t("backup.restoreDone", {
              date: formatDateTime(done.backup.createdAt),
              by: done.backup.createdBy,
              safety: done.safetyBackup,
            }),
          );
        } catch (e) {
          message.error(errorText(e));
        } finally {
          setRestoring(false);
          // Logged in to the restored data, or logged out if the swap failed: the app follows.
          await onRestored();
        }
      },
    });
  };

  const columns: TableProps<BackupListing>["columns"] = [
      {
        title: t("backup.list.col.date"),
        key: "date",
        render: (_: unknown, b) => (
          <Space direction="vertical" size={0}>
            <span>{b.createdAt ? formatDateTime(b.createdAt) : "—"}</span>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {b.fileName}
            </Typography.Text>
          </Space>
        ),
      },
      { title: t("backup.list.col.size"), key: "size", render: (_: unknown, b) => formatSize(b.size) },
      { title: t("backup.list.col.version"), key: "version", render: (_: unknown, b) => b.appVersion ?? "—" },
      { title: t("backup.list.col.by"), key: "by", render: (_: unknown, b) => b.createdBy ?? "—" },
      {
        title: t("backup.list.col.status"),
        key: "status",
        render: (_: unknown, b) => (
          <Space size={4} wrap>
            {b.problem ? (
              <Tag color="red" title={b.problem}>
                {t("backup.list.problem")}
              </Tag>
            ) : b.verifiedAt || checked.has(b.path) ? (
              <Tag color="green" icon={<CheckCircleOutlined />} data-testid="backup-list-verified">
                {t("backup.list.verified")}
              </Tag>
            ) : (
              <Tag>{t("backup.list.notVerified")}</Tag>
            )}
            {b.conflictCopy && <Tag color="orange">{t("backup.list.conflict")}</Tag>}
          </Space>
        ),
      },
      {
        title: t("backup.col.actions"),
        key: "use",
        render: (_: unknown, b) => (
          <Button
            size="small"
            type={file === b.path ? "primary" : "link"}
            disabled={!!b.problem}
            onClick={() => choose(b.path)}
            data-testid="backup-list-use"
          >
            {file === b.path ? t("backup.list.chosen") : t("backup.list.use")}
          </Button>
        ),
      },
  ];

  const p = preview && preview.file === file.trim() ? preview.p : null;

  return (
    <Card size="small" title={t("backup.restoreTitle")}>
      <Typography.Paragraph type="secondary">{t("backup.restoreHelp")}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space.Compact style={{ width: "100%", maxWidth: 720 }}>
          <Input
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            onPressEnter={() => void list()}
            placeholder={t("backup.list.dirPlaceholder")}
            data-testid="backup-list-dir"
          />
          <Button
            icon={<FolderOpenOutlined />}
            onClick={() =>
              void pick(setDir, pickFolder).then((d) => {
                if (d) void list(d);
              })
            }
            data-testid="backup-list-pick"
          >
            {t("backup.pickFolder")}
          </Button>
          <Button icon={<UnorderedListOutlined />} loading={listLoading} onClick={() => void list()} data-testid="backup-list-show">
            {t("backup.list.show")}
          </Button>
        </Space.Compact>
        {listing && (
          <Table<BackupListing>
            data-testid="backup-list"
            rowKey={(b) => b.path}
            size="small"
            dataSource={listing}
            columns={columns}
            pagination={listing.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: t("backup.list.empty") }}
          />
        )}
        <Space direction="vertical" style={{ width: "100%", maxWidth: 720 }}>
          <Space.Compact style={{ width: "100%" }}>
            <Input
              value={file}
              onChange={(e) => choose(e.target.value)}
              placeholder={t("backup.filePlaceholder")}
              data-testid="restore-file"
            />
            <Button icon={<FolderOpenOutlined />} onClick={() => void pick(choose, pickBackupFile)} data-testid="restore-pick">
              {t("backup.pickFile")}
            </Button>
          </Space.Compact>
          <Input.Password
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            placeholder={t("backup.passwordPlaceholder")}
            autoComplete="current-password"
            data-testid="restore-password"
          />
          <Space wrap>
            <Button icon={<SafetyCertificateOutlined />} loading={previewing} onClick={() => void check()} data-testid="backup-preview">
              {t("backup.preview.button")}
            </Button>
            <Button danger icon={<RollbackOutlined />} loading={restoring} onClick={restore} data-testid="restore-submit">
              {t("backup.restore")}
            </Button>
          </Space>
          {p && (
            <Alert
              type="success"
              showIcon
              data-testid="backup-preview-result"
              message={t("backup.preview.title")}
              description={
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t("backup.preview.createdAt")}>{formatDateTime(p.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label={t("backup.preview.createdBy")}>{p.createdBy}</Descriptions.Item>
                  <Descriptions.Item label={t("backup.preview.customers")}>
                    <span data-testid="backup-preview-customers">{formatCount(p.customers, lang)}</span>
                  </Descriptions.Item>
                  {p.orders !== null && (
                    <Descriptions.Item label={t("backup.preview.orders")}>{formatCount(p.orders, lang)}</Descriptions.Item>
                  )}
                  {p.tickets !== null && (
                    <Descriptions.Item label={t("backup.preview.tickets")}>{formatCount(p.tickets, lang)}</Descriptions.Item>
                  )}
                  {p.pointsBalance !== null && (
                    <Descriptions.Item label={t("backup.preview.points")}>{formatCount(p.pointsBalance, lang)}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t("backup.preview.users")}>{formatCount(p.users, lang)}</Descriptions.Item>
                  <Descriptions.Item label={t("backup.preview.appVersion")}>{p.appVersion}</Descriptions.Item>
                </Descriptions>
              }
            />
          )}
          {restored && <Alert type="success" showIcon message={restored} data-testid="restore-result" />}
        </Space>
      </Space>
    </Card>
  );
}
