import { CloudOutlined, FolderOpenOutlined, PlusOutlined, ReloadOutlined, UsbOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../i18n";
import {
  backupAddSuggested,
  backupAddTarget,
  backupSuggestedFolders,
  pickFolder,
  type BackupTarget,
  type SuggestedFolder,
} from "../lib/backend";
import { formatSize } from "../lib/format";
import { useErrorText } from "../lib/useErrorText";

/**
 * Where backups could go, in one click: the USB sticks and cloud sync folders the core found on
 * this computer (each gets its own backup sub-folder), or any other folder typed or picked.
 * Used by the first-run wizard; the owner only (the core refuses others).
 */
export function BackupPlacePicker({ onAdded }: { onAdded: (target: BackupTarget) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [places, setPlaces] = useState<SuggestedFolder[] | null>(null);
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  const scan = useCallback(async () => {
    setPlaces(null);
    try {
      setPlaces(await backupSuggestedFolders());
    } catch (e) {
      setPlaces([]);
      message.error(errorText(e));
    }
  }, [errorText, message]);

  useEffect(() => {
    void scan();
  }, [scan]);

  const add = async (key: string, adding: () => Promise<BackupTarget>) => {
    setBusy(key);
    try {
      onAdded(await adding());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const pick = async () => {
    try {
      const picked = await pickFolder();
      if (picked) setPath(picked);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="backup-places">
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text strong>{t("place.title")}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void scan()} data-testid="place-rescan">
          {t("place.rescan")}
        </Button>
      </Space>
      <List<SuggestedFolder>
        size="small"
        bordered
        loading={places === null}
        dataSource={places ?? []}
        locale={{ emptyText: t("place.none") }}
        renderItem={(p, i) => (
          <List.Item
            data-testid="place-item"
            actions={[
              <Button
                key="use"
                type="primary"
                size="small"
                loading={busy === p.path}
                disabled={busy !== null && busy !== p.path}
                onClick={() => void add(p.path, () => backupAddSuggested({ path: p.path, name: p.name }))}
                data-testid={`place-use-${i}`}
              >
                {t("place.use")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={p.kind === "removable" ? <UsbOutlined style={{ fontSize: 20 }} /> : <CloudOutlined style={{ fontSize: 20 }} />}
              title={
                <Space size={6} wrap>
                  <span>{p.name}</span>
                  <Tag>{t(p.kind === "removable" ? "place.kind.removable" : "place.kind.cloudSync")}</Tag>
                  {p.freeBytes !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("place.free", { size: formatSize(p.freeBytes) })}
                    </Typography.Text>
                  )}
                </Space>
              }
              description={
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }} ellipsis={{ tooltip: p.backupDir }}>
                  {t("place.backupTo", { path: p.backupDir })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Text strong>{t("place.other")}</Typography.Text>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onPressEnter={() => path.trim() && void add("other", () => backupAddTarget({ path: path.trim() }))}
          placeholder={t("backup.pathPlaceholder")}
          data-testid="place-path"
        />
        <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} data-testid="place-pick">
          {t("backup.pickFolder")}
        </Button>
        <Button
          icon={<PlusOutlined />}
          loading={busy === "other"}
          disabled={!path.trim() || (busy !== null && busy !== "other")}
          onClick={() => void add("other", () => backupAddTarget({ path: path.trim() }))}
          data-testid="place-add"
        >
          {t("backup.addTarget")}
        </Button>
      </Space.Compact>
    </Space>
  );
}
