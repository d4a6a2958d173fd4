// The Insight screen (#/insight/:tab, owner and manager): RFM classes and lifecycle stages as of
// the last scoring pass, movement month to month, segments, and the threshold rules. Every number
// opens the customer list of exactly those customers (../customers/scoreFilters.ts).
import { LockOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Result, Space, Tabs, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import { insightOverview, insightRescore, type InsightOverview } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatCount, formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { SegmentsPanel } from "../segments/SegmentsPanel";
import { ClassCard } from "./ClassCard";
import { MovementCard } from "./MovementCard";
import { StageCard } from "./StageCard";
import { ThresholdsCard } from "./ThresholdsCard";

const TABS = ["overview", "movement", "segments", "rules"] as const;
type TabKey = (typeof TABS)[number];

export function InsightPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const { tab } = useParams();
  const active: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : "overview";
  const [overview, setOverview] = useState<InsightOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scoring, setScoring] = useState(false);
  const allowed = session.role !== "rep";

  const load = useCallback(async () => {
    try {
      setOverview(await insightOverview());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed) {
    return (
      <div className="page" data-testid="insight-locked">
        <Result icon={<LockOutlined style={{ color: "#0f766e" }} />} title={t("insight.locked.title")} subTitle={t("insight.locked.text")} />
      </div>
    );
  }

  const rescore = async () => {
    setScoring(true);
    try {
      setOverview(await insightRescore());
      void message.success(t("insight.rescored"));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setScoring(false);
    }
  };

  const asOf = overview?.asOf
    ? t("insight.asOf", {
        day: overview.asOf,
        at: formatDateTime(overview.scoredAt),
        customers: formatCount(overview.customers, lang),
        buyers: formatCount(overview.buyers, lang),
      })
    : overview
      ? t("insight.neverScored")
      : t("common.loading");

  return (
    <div className="page" data-testid="page-insight">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("insight.title")}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="insight-as-of">
            {asOf}
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} loading={scoring} onClick={() => void rescore()} data-testid="insight-rescore">
            {t("insight.rescore")}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {/* A new scoring pass (re-score, saved rules) reloads every tab. */}
      <Card variant="borderless" key={overview?.scoredAt ?? ""}>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/insight/${key}`)}
          destroyOnHidden
          items={[
            {
              key: "overview",
              label: <span data-testid="insight-tab-overview">{t("insight.tab.overview")}</span>,
              children: overview && (
                <Space direction="vertical" size={16} style={{ width: "100%" }}>
                  <ClassCard overview={overview} />
                  <StageCard overview={overview} />
                </Space>
              ),
            },
            {
              key: "movement",
              label: <span data-testid="insight-tab-movement">{t("insight.tab.movement")}</span>,
              children: <MovementCard labels={overview?.labels} />,
            },
            {
              key: "segments",
              label: <span data-testid="insight-tab-segments">{t("insight.tab.segments")}</span>,
              children: <SegmentsPanel />,
            },
            {
              key: "rules",
              label: <span data-testid="insight-tab-rules">{t("insight.tab.rules")}</span>,
              children: <ThresholdsCard labels={overview?.labels} onSaved={setOverview} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
