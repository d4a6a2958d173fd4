import { Steps } from "antd";
import { useEffect, useState } from "react";
import { AuthShell } from "../../components/AuthShell";
import { useI18n } from "../../i18n";
import { demoOpen } from "../../lib/backend";
import { useApp } from "../../lib/appContext";
import { autoOpenSample } from "../../lib/devSample";
import { useErrorText } from "../../lib/useErrorText";
import { CreateStep } from "./CreateStep";
import { RestoreStep } from "./RestoreStep";
import { WelcomeStep } from "./WelcomeStep";
import { takeWizardStart } from "./wizardStart";

/**
 * First run: choose demo, create or restore from a backup. After store_init the parent shows the
 * recovery key step (it must survive the status refresh that follows).
 */
export function Wizard({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const { t } = useI18n();
  const { refresh } = useApp();
  const errorText = useErrorText();
  const [step, setStep] = useState<"welcome" | "create" | "restore">(takeWizardStart);
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);

  const openDemo = async () => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      await demoOpen();
      await refresh();
    } catch (e) {
      setDemoError(errorText(e));
      setDemoBusy(false);
    }
  };

  // Development (scripts/run-app.sh): no real store yet, so open the sample shop by itself.
  useEffect(() => {
    if (step === "welcome" && autoOpenSample()) void openDemo();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first welcome
  }, []);

  return (
    <AuthShell width={step === "welcome" ? 640 : 480}>
      {step === "create" && (
        <Steps
          size="small"
          current={0}
          style={{ marginBottom: 24 }}
          items={[{ title: t("wizard.stepAccount") }, { title: t("wizard.stepKey") }, { title: t("wizard.stepBackup") }]}
        />
      )}
      {step === "welcome" && (
        <WelcomeStep
          onCreate={() => setStep("create")}
          onDemo={() => void openDemo()}
          onRestore={() => setStep("restore")}
          demoBusy={demoBusy}
          demoError={demoError}
        />
      )}
      {step === "create" && <CreateStep onBack={() => setStep("welcome")} onCreated={onRecoveryKey} />}
      {step === "restore" && <RestoreStep onBack={() => setStep("welcome")} onRestored={() => void refresh()} />}
    </AuthShell>
  );
}
