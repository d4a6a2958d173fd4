import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Descriptions, Input, Progress, Result, Select, Space, Statistic, Steps, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";
import {
  importCancel,
  importInspect,
  importPreview,
  importRun,
  importSaveErrors,
  importTemplate,
  importUndo,
  onImportProgress,
  pickImportFile,
  pickSaveXlsx,
  type ImportField,
  type ImportInspection,
  type ImportKind,
  type ImportMapping,
  type ImportProblem,
  type ImportProgress,
  type ImportSummary,
} from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatCount } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";

type Step = 0 | 1 | 2 | 3;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function stem(path: string): string {
  return baseName(path).replace(/\.[^.]+$/, "");
}

/** File → preset / mapping → preview with errors → import with progress → result with undo. */
export function ImportWizard({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = AntApp.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(0);
  const [path, setPath] = useState<string | null>(null);
  const [info, setInfo] = useState<ImportInspection | null>(null);
  const [preset, setPreset] = useState<string>("auto");
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState<null | "inspect" | "preview" | "import">(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const [typedPath, setTypedPath] = useState("");
  const canUndo = session.role !== "rep";

  useEffect(() => {
    let unlisten: (() => void) | null = null;
    void onImportProgress((p) => setProgress(p)).then((u) => (unlisten = u));
    return () => unlisten?.();
  }, []);

  const n = (x: number) => formatCount(x, lang);
  const label = (p: { labelZh: string; labelEn: string }) => (lang === "en" ? p.labelEn : p.labelZh);

  const inspect = async (file: string, presetId: string) => {
    setBusy("inspect");
    setError(null);
    try {
      const i = await importInspect({ path: file, ...(presetId !== "auto" ? { preset: presetId } : {}) });
      setInfo(i);
      setMapping(i.mapping);
      setEdited(false);
      setPreview(null);
      setResult(null);
      setStep(1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async () => {
    const file = await pickImportFile();
    if (!file) return;
    setPath(file);
    setPreset("auto");
    await inspect(file, "auto");
  };

  const openTyped = async () => {
    const file = typedPath.trim();
    setPath(file);
    setPreset("auto");
    await inspect(file, "auto");
  };

  const saveTemplate = async () => {
    const target = await pickSaveXlsx(t("import.templateFile"));
    if (!target) return;
    try {
      await importTemplate({ path: target });
      message.success(t("import.templateSaved", { path: target }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const request = () => ({
    path: path ?? "",
    ...(preset !== "auto" ? { preset } : {}),
    ...(edited && mapping ? { mapping } : {}),
  });

  const runPreview = async () => {
    setBusy("preview");
    setProgress(null);
    setError(null);
    try {
      const p = await importPreview(request());
      if (p.cancelled) {
        message.info(t("import.cancelled"));
        return;
      }
      setPreview(p);
      setStep(2);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    setBusy("import");
    setProgress(null);
    setError(null);
    try {
      const r = await importRun(request());
      if (r.cancelled) {
        message.info(t("import.cancelled"));
        return;
      }
      setResult(r);
      setUndone(false);
      setStep(3);
      onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const saveErrors = async () => {
    const target = await pickSaveXlsx(`${stem(path ?? "import")}${t("import.errorsSuffix")}.xlsx`);
    if (!target) return;
    try {
      await importSaveErrors({ path: target });
      message.success(t("import.errorsSaved", { path: target }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const undo = (batchId: number) => {
    modal.confirm({
      title: t("import.undoConfirmTitle", { id: batchId }),
      content: t("import.undoConfirmText"),
      okText: t("import.undo"),
      okButtonProps: { danger: true, id: "import-undo-confirm" },
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          const r = await importUndo({ batchId });
          setUndone(true);
          message.success(t("import.undoDone", { orders: r.ordersRemoved + r.ordersRestored, customers: r.customersRemoved }));
          onImported();
        } catch (e) {
          modal.error({ title: t("import.undoFailed"), content: errorText(e) });
        }
      },
    });
  };

  const reset = () => {
    setStep(0);
    setPath(null);
    setInfo(null);
    setMapping(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const fields = info && mapping ? (mapping.kind === "orders" ? info.orderFields : info.customerFields) : [];
  const headerOptions = useMemo(
    () => [
      { value: "", label: t("import.notImported") },
      ...(info?.headers ?? []).filter((h) => h !== "").map((h) => ({ value: h, label: h })),
    ],
    [info, t],
  );

  const setColumn = (field: ImportField, header: string) => {
    if (!mapping) return;
    const columns = { ...mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    setMapping({ ...mapping, columns });
    setEdited(true);
  };

  const setKind = (kind: ImportKind) => {
    if (!mapping) return;
    setMapping({ ...mapping, kind, columns: {} });
    setEdited(true);
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;
  const running = busy === "preview" || busy === "import";

  const problemColumns = [
    { title: t("import.col.row"), dataIndex: "row", key: "row", width: 80 },
    { title: t("import.col.column"), dataIndex: "column", key: "column", width: 160, render: (c: string | null) => c ?? t("common.none") },
    { title: t("import.col.reason"), key: "reason", render: (_: unknown, p: ImportProblem) => (lang === "en" ? p.messageEn : p.messageZh) },
  ];

  const counts = (s: ImportSummary) => (
    <Space size={32} wrap>
      <Statistic title={t(s.kind === "orders" ? "import.ordersCreated" : "import.customersNew")} value={s.created} formatter={(v) => n(Number(v))} />
      <Statistic title={t("import.updated")} value={s.updated} formatter={(v) => n(Number(v))} />
      <Statistic title={t("import.skipped")} value={s.skipped} formatter={(v) => n(Number(v))} />
      <Statistic title={t("import.rejected")} value={s.rejected} formatter={(v) => n(Number(v))} valueStyle={s.rejected ? { color: "#cf1322" } : undefined} />
      {s.kind === "orders" && <Statistic title={t("import.customersCreated")} value={s.customersCreated} formatter={(v) => n(Number(v))} />}
    </Space>
  );

  return (
    <Card data-testid="import-wizard">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t("import.step.file") }, { title: t("import.step.mapping") }, { title: t("import.step.preview") }, { title: t("import.step.result") }]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" closable onClose={() => setError(null)} />}

      {step === 0 && (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("import.intro")}
          </Typography.Paragraph>
          <Space wrap>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === "inspect"} onClick={() => void chooseFile()} data-testid="import-choose-file">
              {t("import.chooseFile")}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void saveTemplate()} data-testid="import-template">
              {t("import.downloadTemplate")}
            </Button>
          </Space>
          <Space.Compact style={{ width: "100%", maxWidth: 640 }}>
            <Input
              placeholder={t("import.pathPlaceholder")}
              value={typedPath}
              onChange={(e) => setTypedPath(e.target.value)}
              onPressEnter={() => typedPath.trim() && void openTyped()}
              data-testid="import-path"
            />
            <Button disabled={!typedPath.trim()} loading={busy === "inspect"} onClick={() => void openTyped()} data-testid="import-open-path">
              {t("import.openPath")}
            </Button>
          </Space.Compact>
          <Typography.Text type="secondary">{t("import.formats")}</Typography.Text>
        </Space>
      )}

      {step === 1 && info && mapping && (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t("import.file")}>
              <Space>
                <FileExcelOutlined />
                <span data-testid="import-file-name">{info.fileName}</span>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("import.format")}>
              {info.format.toUpperCase()}
              {info.encoding ? ` · ${t(`import.encoding.${info.encoding}`)}` : ""}
            </Descriptions.Item>
            <Descriptions.Item label={t("import.headerRow")}>{info.headerRow}</Descriptions.Item>
          </Descriptions>
          {info.preset ? (
            <Alert type="success" showIcon data-testid="import-detected" message={t("import.detected", { name: label(info.preset) })} />
          ) : (
            <Alert
              type="info"
              showIcon
              message={t(info.mappingSource === "remembered" ? "import.remembered" : "import.guessed")}
            />
          )}
          <Space wrap>
            <span>{t("import.preset")}</span>
            <Select
              style={{ width: 240 }}
              value={preset}
              onChange={(v) => {
                setPreset(v);
                if (path) void inspect(path, v);
              }}
              options={[{ value: "auto", label: t("import.presetAuto") }, ...info.presets.map((p) => ({ value: p.id, label: label(p) }))]}
              data-testid="import-preset"
            />
            {!info.preset && (
              <>
                <span>{t("import.kind")}</span>
                <Select
                  style={{ width: 140 }}
                  value={mapping.kind}
                  onChange={setKind}
                  options={[
                    { value: "orders", label: t("import.kind.orders") },
                    { value: "customers", label: t("import.kind.customers") },
                  ]}
                />
              </>
            )}
          </Space>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={fields}
            scroll={{ y: 300 }}
            columns={[
              {
                title: t("import.col.field"),
                key: "field",
                width: 180,
                render: (_: unknown, f) => (
                  <Space size={4}>
                    {label(f)}
                    {f.required && <Tag color="red" bordered={false}>{t("import.required")}</Tag>}
                  </Space>
                ),
              },
              {
                title: t("import.col.fileColumn"),
                key: "column",
                render: (_: unknown, f) => (
                  <Select
                    style={{ width: 260 }}
                    size="small"
                    value={mapping.columns[f.field] ?? ""}
                    options={headerOptions}
                    onChange={(v: string) => setColumn(f.field, v)}
                  />
                ),
              },
              {
                title: t("import.col.sample"),
                key: "sample",
                ellipsis: true,
                render: (_: unknown, f) => {
                  const h = mapping.columns[f.field];
                  const i = h ? info.headers.indexOf(h) : -1;
                  return <Typography.Text type="secondary">{i >= 0 ? info.sample.map((r) => r[i]).filter(Boolean).slice(0, 2).join(" · ") : ""}</Typography.Text>;
                },
              },
            ]}
          />
          {running ? (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Progress percent={percent} status="active" />
              <Space>
                <Typography.Text type="secondary">{t("import.readingRows", { n: n(progress?.rows ?? 0) })}</Typography.Text>
                <Button size="small" onClick={() => void importCancel()} data-testid="import-cancel">
                  {t("common.cancel")}
                </Button>
              </Space>
            </Space>
          ) : (
            <Space>
              <Button onClick={reset}>{t("common.back")}</Button>
              <Button type="primary" onClick={() => void runPreview()} data-testid="import-preview">
                {t("import.previewButton")}
              </Button>
            </Space>
          )}
        </Space>
      )}

      {step === 2 && preview && (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <Alert type="info" showIcon message={t("import.previewNote", { rows: n(preview.rows) })} />
          <div data-testid="import-preview-counts">{counts(preview)}</div>
          {preview.maskedPhones > 0 && <Alert type="warning" showIcon message={t("import.masked", { n: n(preview.maskedPhones) })} />}
          {preview.problemsTotal > 0 && (
            <>
              <Space>
                <Typography.Text strong>{t("import.problems", { n: n(preview.problemsTotal) })}</Typography.Text>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void saveErrors()} data-testid="import-save-errors">
                  {t("import.saveErrors")}
                </Button>
              </Space>
              <Table size="small" rowKey={(p) => `${p.row}-${p.column ?? ""}-${p.messageEn}`} dataSource={preview.problems} columns={problemColumns} pagination={{ pageSize: 8, hideOnSinglePage: true }} data-testid="import-problems" />
            </>
          )}
          {running ? (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Progress percent={percent} status="active" data-testid="import-progress" />
              <Space>
                <Typography.Text type="secondary">{t("import.importingRows", { n: n(progress?.rows ?? 0) })}</Typography.Text>
                <Button size="small" onClick={() => void importCancel()} data-testid="import-cancel">
                  {t("common.cancel")}
                </Button>
              </Space>
            </Space>
          ) : (
            <Space>
              <Button onClick={() => setStep(1)}>{t("common.back")}</Button>
              <Button type="primary" disabled={preview.created + preview.updated === 0} onClick={() => void runImport()} data-testid="import-run">
                {t("import.runButton", { n: n(preview.created + preview.updated) })}
              </Button>
            </Space>
          )}
        </Space>
      )}

      {step === 3 && result && (
        <Result
          status={undone ? "info" : "success"}
          title={undone ? t("import.undoneTitle") : t("import.doneTitle", { id: result.batchId ?? 0 })}
          subTitle={result.fileName}
          extra={[
            <Button key="customers" type="primary" onClick={() => navigate("/customers")} data-testid="import-see-customers">
              {t("import.seeCustomers")}
            </Button>,
            canUndo && !undone && result.batchId !== null ? (
              <Button key="undo" danger icon={<UndoOutlined />} onClick={() => undo(result.batchId as number)} data-testid="import-undo">
                {t("import.undo")}
              </Button>
            ) : null,
            result.rejected > 0 ? (
              <Button key="errors" icon={<DownloadOutlined />} onClick={() => void saveErrors()}>
                {t("import.saveErrors")}
              </Button>
            ) : null,
            <Button key="again" onClick={reset}>
              {t("import.another")}
            </Button>,
          ]}
        >
          <div data-testid="import-result-counts" style={{ display: "flex", justifyContent: "center" }}>
            {counts(result)}
          </div>
        </Result>
      )}
    </Card>
  );
}
