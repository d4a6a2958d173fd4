import { ExperimentOutlined } from "@ant-design/icons";
import { Alert, Button } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n";
import { authLogout, storeSelect } from "../lib/backend";
import { useApp } from "../lib/appContext";
import { sampleLeft } from "../lib/devSample";
import { openWizardAt } from "../screens/wizard/wizardStart";

/**
 * Shown on every screen of the sample shop (the demo store): the data is generated, and one
 * click leaves it — for the first-run creation of the real store when there is none yet (the
 * wizard opens on its create step), else for the real store's login.
 */
export function SampleShopBanner() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  const [leaving, setLeaving] = useState(false);
  if (status.session?.store !== "demo") return null;
  const hasRealShop = status.storeExists;

  const leave = async () => {
    setLeaving(true);
    sampleLeft();
    try {
      await authLogout();
      await storeSelect("main");
      if (!hasRealShop) openWizardAt("create");
    } finally {
      await refresh();
    }
  };

  return (
    <Alert
      banner
      type="info"
      icon={<ExperimentOutlined />}
      showIcon
      data-testid="sample-banner"
      className="sample-banner"
      message={t("sample.banner")}
      action={
        <Button size="small" type="primary" loading={leaving} onClick={() => void leave()} data-testid="sample-leave">
          {hasRealShop ? t("sample.backToMine") : t("sample.startMine")}
        </Button>
      }
    />
  );
}
