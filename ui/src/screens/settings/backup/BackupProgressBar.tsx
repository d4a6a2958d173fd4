import { Progress, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n, type MessageKey } from "../../../i18n";
import { onBackupFinished, onBackupProgress, type BackupPhase, type BackupProgressEvent } from "../../../lib/backend";
import { addSample, secondsLeft, type Sample } from "../../../lib/eta";

const PHASE: Record<BackupPhase, MessageKey> = {
  snapshot: "backup.progress.phase.snapshot",
  encrypt: "backup.progress.phase.encrypt",
  verify: "backup.progress.phase.verify",
};

/** The running backup (manual or automatic): one bar per job, its phase and the time left. */
export function BackupProgressBar() {
  const { t } = useI18n();
  const [p, setP] = useState<BackupProgressEvent | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const samples = useRef<Sample[]>([]);
  const current = useRef<number | null>(null);

  useEffect(() => {
    let alive = true;
    const stops: Array<() => void> = [];
    void onBackupProgress((e) => {
      if (!alive) return;
      if (current.current !== e.targetId) {
        current.current = e.targetId;
        samples.current = [];
      }
      samples.current = addSample(samples.current, { at: performance.now(), done: e.done });
      setLeft(secondsLeft(samples.current, e.total));
      setP(e.done >= e.total && e.index + 1 >= e.count ? null : e);
    }).then((u) => (alive ? stops.push(u) : u()));
    void onBackupFinished(() => {
      if (!alive) return;
      current.current = null;
      samples.current = [];
      setP(null);
    }).then((u) => (alive ? stops.push(u) : u()));
    return () => {
      alive = false;
      stops.forEach((u) => u());
    };
  }, []);

  if (!p) return null;
  const percent = p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  const timeLeft =
    left === null
      ? t("backup.progress.estimating")
      : left >= 120
        ? t("backup.progress.leftMin", { n: Math.ceil(left / 60) })
        : t("backup.progress.left", { n: left });
  return (
    <Space direction="vertical" size={2} style={{ width: "100%", maxWidth: 720 }} data-testid="backup-progress">
      <Typography.Text>
        {t(PHASE[p.phase])}
        {p.count > 1 ? ` · ${t("backup.progress.target", { i: p.index + 1, n: p.count })}` : ""}
        {p.automatic ? ` · ${t("backup.progress.automatic")}` : ""}
      </Typography.Text>
      <Progress percent={percent} status="active" />
      <Space size={12} wrap>
        <Typography.Text type="secondary" data-testid="backup-time-left">
          {timeLeft}
        </Typography.Text>
        <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
          {p.targetPath}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("backup.progress.background")}
      </Typography.Text>
    </Space>
  );
}
