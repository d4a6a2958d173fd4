import { CloudDownloadOutlined, ExperimentOutlined, ShopOutlined } from "@ant-design/icons";
import { Alert, Spin, Typography } from "antd";
import { useI18n } from "../../i18n";

interface Props {
  onCreate: () => void;
  onDemo: () => void;
  onRestore: () => void;
  demoBusy: boolean;
  demoError: string | null;
}

/** First choice: create a real store, restore one from a backup, or look around the demo store. */
export function WelcomeStep({ onCreate, onDemo, onRestore, demoBusy, demoError }: Props) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("wizard.welcomeTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("wizard.welcomeText")}</Typography.Paragraph>
      <div className="choice-grid">
        <button type="button" className="choice-card choice-primary" data-testid="wizard-create" onClick={onCreate} disabled={demoBusy}>
          <ShopOutlined className="choice-icon" />
          <span className="choice-title">{t("wizard.createTitle")}</span>
          <span className="choice-text">{t("wizard.createText")}</span>
        </button>
        <button type="button" className="choice-card" data-testid="wizard-demo" onClick={onDemo} disabled={demoBusy}>
          {demoBusy ? <Spin className="choice-icon" /> : <ExperimentOutlined className="choice-icon" />}
          <span className="choice-title">{t("wizard.demoTitle")}</span>
          <span className="choice-text">{demoBusy ? t("wizard.demoOpening") : t("wizard.demoText")}</span>
        </button>
        <button type="button" className="choice-card choice-wide" data-testid="wizard-restore" onClick={onRestore} disabled={demoBusy}>
          <CloudDownloadOutlined className="choice-icon" />
          <span className="choice-title">{t("wizard.restoreTitle")}</span>
          <span className="choice-text">{t("wizard.restoreText")}</span>
        </button>
      </div>
      <Typography.Paragraph type="secondary" className="fine-print">
        {t("wizard.demoNote")}
      </Typography.Paragraph>
      {demoError && <Alert type="error" showIcon message={demoError} />}
    </div>
  );
}
