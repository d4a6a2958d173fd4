import { CloudUploadOutlined, DeleteOutlined, FolderOpenOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { OwnerOnly } from "../../components/OwnerOnly";
import { hasKey, useI18n } from "../../i18n";
import {
  backupAddTarget,
  backupNow,
  backupRemoveTarget,
  backupTargets,
  onBackupFinished,
  pickFolder,
  type BackupDone,
  type BackupStatus,
  type BackupTargetStatus,
} from "../../lib/backend";
import { useApp, useSession } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { BackupProgressBar } from "./backup/BackupProgressBar";
import { ExportCard } from "./backup/ExportCard";
import { MoveDataDir } from "./backup/MoveDataDir";
import { RestoreCard } from "./backup/RestoreCard";

/**
 * The owner: backup folders, "back up now", restore and export. A manager: the folders' status
 * and "back up now" only. A rep: a notice. The core enforces the same (docs/SECURITY.md).
 */
export function BackupTab() {
  const { t } = useI18n();
  const session = useSession();
  if (session.role === "manager") return <BackupPanel owner={false} />;
  return (
    <OwnerOnly title={t("backup.ownerOnly")} text={t("backup.ownerOnlyText")} testId="backup-owner-only">
      <BackupPanel owner />
    </OwnerOnly>
  );
}

function BackupPanel({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { refresh } = useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newPath, setNewPath] = useState("");
  const [adding, setAdding] = useState(false);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<BackupDone[] | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await backupTargets());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  // An automatic backup (or one started elsewhere) finished: show its outcome per target.
  useEffect(() => {
    let alive = true;
    let stop: (() => void) | null = null;
    void onBackupFinished(() => {
      if (alive) void load();
    }).then((u) => {
      if (alive) stop = u;
      else u();
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, [load]);

  const pick = async (set: (v: string) => void, picker: () => Promise<string | null>) => {
    try {
      const picked = await picker();
      if (picked) set(picked);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const add = async () => {
    if (!newPath.trim()) return;
    setAdding(true);
    try {
      await backupAddTarget({ path: newPath.trim() });
      setNewPath("");
      await load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setAdding(false);
    }
  };

  const remove = useCallback(
    async (id: number) => {
      try {
        await backupRemoveTarget({ id });
        await load();
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [errorText, load, message],
  );

  const runNow = async () => {
    setRunning(true);
    setResults(null);
    try {
      setResults(await backupNow());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRunning(false);
      await load();
    }
  };

  const lastErrorText = useCallback(
    (code: string) => {
      const key = `backup.error.${code}`;
      return hasKey(key) ? t(key) : t("backup.error.other", { code });
    },
    [t],
  );

  const columns = useMemo<TableProps<BackupTargetStatus>["columns"]>(
    () => [
      {
        title: t("backup.col.folder"),
        key: "path",
        render: (_: unknown, s) => (
          <Space direction="vertical" size={0}>
            <span className="mono">{s.target.path}</span>
            {s.target.syncFolder && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("backup.inSyncFolder", { name: s.target.syncFolder })}
              </Typography.Text>
            )}
          </Space>
        ),
      },
      {
        title: t("backup.col.lastVerified"),
        key: "last",
        render: (_: unknown, s) => (
          <Space size={6} wrap>
            {s.lastVerified ? (
              <span data-testid="backup-last-verified">{formatDateTime(s.lastVerified.createdAt)}</span>
            ) : (
              <Tag color="red">{t("backup.never")}</Tag>
            )}
            {s.stale && s.lastVerified && (
              <Tag color="orange">{t("backup.stale", { days: status?.staleAfterDays ?? 3 })}</Tag>
            )}
          </Space>
        ),
      },
      {
        title: t("backup.col.deepCheck"),
        key: "deep",
        render: (_: unknown, s) => {
          const b = s.lastVerified;
          if (!b?.deepCheckedAt) return <Typography.Text type="secondary">{t("backup.deepCheck.never")}</Typography.Text>;
          return b.deepCheckError ? (
            <Tag color="red" data-testid="backup-deep-check">
              {t("backup.deepCheck.failed", { date: formatDateTime(b.deepCheckedAt) })}
            </Tag>
          ) : (
            <Typography.Text data-testid="backup-deep-check">{t("backup.deepCheck.ok", { date: formatDateTime(b.deepCheckedAt) })}</Typography.Text>
          );
        },
      },
      {
        title: t("backup.col.lastError"),
        key: "error",
        render: (_: unknown, s) =>
          s.target.lastError ? (
            <Typography.Text type="danger">
              {lastErrorText(s.target.lastError)}
              {s.target.lastErrorAt ? ` (${formatDateTime(s.target.lastErrorAt)})` : ""}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      {
        title: t("backup.col.actions"),
        key: "actions",
        render: (_: unknown, s) => (
          <Popconfirm
            title={t("backup.removeConfirm")}
            okText={t("common.confirm")}
            cancelText={t("common.cancel")}
            onConfirm={() => remove(s.target.id)}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="backup-target-remove">
              {t("backup.remove")}
            </Button>
          </Popconfirm>
        ),
      },
    ],
    [lastErrorText, remove, status?.staleAfterDays, t],
  );
  const shownColumns = owner ? columns : columns?.filter((c) => c.key !== "actions");

  const ok = results?.filter((r) => r.path) ?? [];
  const failed = results?.filter((r) => r.error) ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="backup-panel">
      {status?.dataDirSyncFolder && (
        <Alert
          type="warning"
          showIcon
          data-testid="backup-sync-warning"
          message={t("backup.dataInSyncFolder", { name: status.dataDirSyncFolder })}
          description={
            <Space direction="vertical" size={8}>
              <span>{t("backup.dataInSyncFolderText")}</span>
              {owner && <span>{t("backup.move.help")}</span>}
              {owner && (
                <MoveDataDir
                  onMoved={async () => {
                    await load();
                    await refresh();
                  }}
                />
              )}
            </Space>
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} />}

      <Card size="small" title={t("backup.targetsTitle")}>
        <Typography.Paragraph type="secondary">{t("backup.targetsHelp")}</Typography.Paragraph>
        <Table<BackupTargetStatus>
          data-testid="backup-targets"
          rowKey={(s) => s.target.id}
          size="small"
          loading={status === null && !error}
          dataSource={status?.targets ?? []}
          columns={shownColumns}
          pagination={false}
          locale={{ emptyText: t("backup.noTargets") }}
        />
        {!owner && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="backup-manager-note">
            {t("backup.managerNote")}
          </Typography.Paragraph>
        )}
        {owner && (
          <Space.Compact style={{ width: "100%", marginTop: 12 }}>
            <Input
              value={newPath}
              onChange={(e) => setNewPath(e.target.value)}
              onPressEnter={() => void add()}
              placeholder={t("backup.pathPlaceholder")}
              data-testid="backup-target-path"
            />
            <Button icon={<FolderOpenOutlined />} onClick={() => void pick(setNewPath, pickFolder)} data-testid="backup-target-pick">
              {t("backup.pickFolder")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} loading={adding} onClick={() => void add()} data-testid="backup-target-add">
              {t("backup.addTarget")}
            </Button>
          </Space.Compact>
        )}
      </Card>

      <Card size="small" title={t("backup.nowTitle")}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={running}
              disabled={!status?.targets.length}
              onClick={() => void runNow()}
              data-testid="backup-now"
            >
              {t("backup.now")}
            </Button>
          </Space>
          <BackupProgressBar />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("backup.auto.note")}
          </Typography.Text>
          {ok.length > 0 && (
            <Alert
              type="success"
              showIcon
              data-testid="backup-result"
              message={t("backup.doneTitle")}
              description={
                <Space direction="vertical" size={0}>
                  {ok.map((r) => (
                    <span key={r.targetId} className="mono">
                      {t("backup.doneFile", { path: r.path ?? "" })}
                    </span>
                  ))}
                </Space>
              }
            />
          )}
          {failed.map((r) => (
            <Alert key={r.targetId} type="error" showIcon message={r.error} data-testid="backup-failed" />
          ))}
        </Space>
      </Card>

      {owner && (
        <RestoreCard
          onRestored={async () => {
            await load();
            await refresh();
          }}
        />
      )}

      {owner && <ExportCard />}
    </Space>
  );
}
