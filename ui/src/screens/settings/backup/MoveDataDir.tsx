import { FolderOpenOutlined } from "@ant-design/icons";
import { App, Button, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { dataDirMove, pickFolder } from "../../../lib/backend";
import { useErrorText } from "../../../lib/useErrorText";

/** The sync-folder warning's action: choose a local folder and move the data there. */
export function MoveDataDir({ onMoved }: { onMoved: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    try {
      const picked = await pickFolder();
      if (picked) setPath(picked);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const move = async () => {
    const to = path.trim();
    if (!to) return;
    setBusy(true);
    try {
      const r = await dataDirMove({ path: to });
      setOpen(false);
      setPath("");
      message.success(t("backup.move.done", { path: r.dataDir }));
      if (!r.oldRemoved) message.warning(t("backup.move.oldLeft", { path: r.oldDir }), 10);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
      await onMoved();
    }
  };

  return (
    <>
      <Button size="small" icon={<FolderOpenOutlined />} onClick={() => setOpen(true)} data-testid="move-data-dir">
        {t("backup.move.button")}
      </Button>
      <Modal
        open={open}
        title={t("backup.move.title")}
        okText={t("backup.move.confirmOk")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: !path.trim(), "data-testid": "move-confirm" }}
        onOk={() => void move()}
        onCancel={() => !busy && setOpen(false)}
        maskClosable={!busy}
        closable={!busy}
      >
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary">{t("backup.move.confirmText")}</Typography.Paragraph>
          <Space.Compact style={{ width: "100%" }}>
            <Input
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={t("backup.move.pathPlaceholder")}
              data-testid="move-path"
            />
            <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} data-testid="move-pick">
              {t("backup.pickFolder")}
            </Button>
          </Space.Compact>
        </Space>
      </Modal>
    </>
  );
}
