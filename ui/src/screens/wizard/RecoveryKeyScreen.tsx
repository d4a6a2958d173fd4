import { Steps } from "antd";
import { useState } from "react";
import { AuthShell } from "../../components/AuthShell";
import { useI18n } from "../../i18n";
import { BackupFolderStep } from "./BackupFolderStep";
import { RecoveryKeyStep } from "./RecoveryKeyStep";

/** After the store is created: the recovery key, then where backups go. */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<"key" | "backup">("key");
  return (
    <AuthShell width={step === "key" ? 560 : 640}>
      <Steps
        className="no-print"
        size="small"
        current={step === "key" ? 1 : 2}
        style={{ marginBottom: 24 }}
        items={[{ title: t("wizard.stepAccount") }, { title: t("wizard.stepKey") }, { title: t("wizard.stepBackup") }]}
      />
      {step === "key" && <RecoveryKeyStep recoveryKey={recoveryKey} onContinue={() => setStep("backup")} />}
      {step === "backup" && <BackupFolderStep onDone={onDone} />}
    </AuthShell>
  );
}
