import { FolderOpenOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { dataDirMove, pickFolder } from "../../../lib/backend";
import { useErrorText } from "../../../lib/useErrorText";

/** The sync-folder warning's action: choose a local folder and move the data there. */
export function MoveDataDir({ onMoved }: { onMoved: () => Promise<void> }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    let to: string | null;
    try {
      to = await pickFolder();
    } catch (e) {
      message.error(errorText(e));
      return;
    }
    if (!to) return;
    const path = to;
    modal.confirm({
      title: t("backup.move.confirmTitle", { path }),
      content: t("backup.move.confirmText"),
      okText: t("backup.move.confirmOk"),
      cancelText: t("common.cancel"),
      okButtonProps: { "data-testid": "move-confirm" },
      onOk: async () => {
        setBusy(true);
        try {
          const r = await dataDirMove({ path });
          message.success(t("backup.move.done", { path: r.dataDir }));
          if (!r.oldRemoved) message.warning(t("backup.move.oldLeft", { path: r.oldDir }), 10);
        } catch (e) {
          message.error(errorText(e));
        } finally {
          setBusy(false);
          await onMoved();
        }
      },
    });
  };

  return (
    <Button size="small" icon={<FolderOpenOutlined />} loading={busy} onClick={() => void start()} data-testid="move-data-dir">
      {t("backup.move.button")}
    </Button>
  );
}
