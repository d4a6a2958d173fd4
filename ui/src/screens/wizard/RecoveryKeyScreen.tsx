import { Steps } from "antd";
import { AuthShell } from "../../components/AuthShell";
import { useI18n } from "../../i18n";
import { RecoveryKeyStep } from "./RecoveryKeyStep";

export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <AuthShell width={560}>
      <Steps
        className="no-print"
        size="small"
        current={1}
        style={{ marginBottom: 24 }}
        items={[{ title: t("wizard.stepAccount") }, { title: t("wizard.stepKey") }, { title: t("wizard.stepStart") }]}
      />
      <RecoveryKeyStep recoveryKey={recoveryKey} onContinue={onDone} />
    </AuthShell>
  );
}
