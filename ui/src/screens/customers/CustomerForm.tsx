import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useI18n } from "../../i18n";
import {
  customersCreate,
  customersGet,
  customersUpdate,
  NICK_PLATFORMS,
  type NewCustomer,
  type CustomerRecord,
  type Gender,
} from "../../lib/backend";
import { useErrorText } from "../../lib/useErrorText";
import { blankToNull } from "./format";

interface FormValues {
  name: string;
  gender: Gender;
  birthday: string;
  phones: string[];
  email: string;
  wechatId: string;
  qq: string;
  nicks: { platform: string; nick: string }[];
  province: string;
  city: string;
  address: string;
  sourceChannel: string;
  tags: string[];
  notes: string;
}

function toValues(c: CustomerRecord): FormValues {
  return {
    name: c.name,
    gender: c.gender,
    birthday: c.birthday ?? "",
    phones: c.phones.length ? c.phones : [""],
    email: c.email ?? "",
    wechatId: c.wechatId ?? "",
    qq: c.qq ?? "",
    nicks: c.nicks.map((n) => ({ platform: n.platform, nick: n.nick })),
    province: c.province ?? "",
    city: c.city ?? "",
    address: c.address ?? "",
    sourceChannel: c.sourceChannel ?? "",
    tags: c.tags,
    notes: c.notes,
  };
}

function toInput(v: FormValues): NewCustomer {
  return {
    name: v.name ?? "",
    gender: v.gender ?? "unknown",
    birthday: blankToNull(v.birthday),
    phones: (v.phones ?? []).map((p) => (p ?? "").trim()).filter(Boolean),
    email: blankToNull(v.email),
    wechatId: blankToNull(v.wechatId),
    qq: blankToNull(v.qq),
    nicks: (v.nicks ?? [])
      .filter((n) => n && (n.nick ?? "").trim())
      .map((n) => [n.platform ?? "other", n.nick.trim()] as [string, string]),
    province: blankToNull(v.province),
    city: blankToNull(v.city),
    address: blankToNull(v.address),
    sourceChannel: blankToNull(v.sourceChannel),
    tags: v.tags ?? [],
    notes: v.notes ?? "",
  };
}

const EMPTY: FormValues = {
  name: "",
  gender: "unknown",
  birthday: "",
  phones: [""],
  email: "",
  wechatId: "",
  qq: "",
  nicks: [],
  province: "",
  city: "",
  address: "",
  sourceChannel: "",
  tags: [],
  notes: "",
};

/** Create (`/customers/new`) or edit (`/customers/:id/edit`) one customer. */
export function CustomerForm() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const [form] = Form.useForm<FormValues>();
  const [loading, setLoading] = useState(id !== null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [masked, setMasked] = useState(false);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    customersGet(id)
      .then((c) => {
        if (!live) return;
        form.setFieldsValue(toValues(c));
        setMasked(c.contactsMasked);
      })
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, form, errorText]);

  const save = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const input = toInput(values);
      const target = id === null ? await customersCreate(input) : (await customersUpdate(id, input)).id;
      navigate(`/customers/${target}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const title = id === null ? t("cust.form.newTitle") : t("cust.form.editTitle");
  return (
    <div className="page" data-testid="page-customer-form">
      <div className="page-head">
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(id === null ? "/customers" : `/customers/${id}`)} aria-label={t("common.back")} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="customer-form-error" />}
      {masked && <Alert type="info" showIcon message={t("cust.form.maskedHint")} style={{ marginBottom: 16 }} />}
      <Spin spinning={loading}>
        <Form<FormValues> form={form} layout="vertical" initialValues={EMPTY} onFinish={(v) => void save(v)} requiredMark="optional">
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t("cust.form.basics")} variant="borderless" style={{ marginBottom: 16 }}>
                <Form.Item name="name" label={t("cust.field.name")} rules={[{ required: true, whitespace: true, message: t("cust.form.nameRequired") }]}>
                  <Input maxLength={60} data-testid="cf-name" />
                </Form.Item>
                <Form.Item name="gender" label={t("cust.field.gender")}>
                  <Radio.Group>
                    <Radio value="female">{t("gender.female")}</Radio>
                    <Radio value="male">{t("gender.male")}</Radio>
                    <Radio value="unknown">{t("gender.unknown")}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="birthday" label={t("cust.field.birthday")} extra={t("cust.form.birthdayHelp")}>
                  <Input placeholder="1990-05-01 / 05-01" style={{ width: 200 }} data-testid="cf-birthday" />
                </Form.Item>
                <Form.Item label={t("cust.field.phones")} extra={t("cust.form.phonesHelp")} required={false}>
                  <Form.List name="phones">
                    {(fields, { add, remove }) => (
                      <Space direction="vertical" style={{ width: "100%" }}>
                        {fields.map((f, i) => (
                          <Space key={f.key} align="baseline">
                            <Form.Item name={f.name} noStyle>
                              <Input placeholder="138 0013 8000" style={{ width: 220 }} data-testid={`cf-phone-${i}`} />
                            </Form.Item>
                            {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t("cust.form.remove")} />}
                          </Space>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add("")} data-testid="cf-add-phone">
                          {t("cust.form.addPhone")}
                        </Button>
                      </Space>
                    )}
                  </Form.List>
                </Form.Item>
                <Form.Item name="email" label={t("cust.field.email")}>
                  <Input data-testid="cf-email" />
                </Form.Item>
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name="wechatId" label={t("cust.field.wechat")}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="qq" label="QQ">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t("cust.form.more")} variant="borderless" style={{ marginBottom: 16 }}>
                <Form.Item label={t("cust.field.nicks")}>
                  <Form.List name="nicks">
                    {(fields, { add, remove }) => (
                      <Space direction="vertical" style={{ width: "100%" }}>
                        {fields.map((f, i) => (
                          <Space key={f.key} align="baseline">
                            <Form.Item name={[f.name, "platform"]} noStyle initialValue="taobao">
                              <Select style={{ width: 120 }} options={NICK_PLATFORMS.map((p) => ({ value: p, label: t(`cust.platform.${p}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, "nick"]} noStyle>
                              <Input style={{ width: 200 }} data-testid={`cf-nick-${i}`} />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t("cust.form.remove")} />
                          </Space>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ platform: "taobao", nick: "" })} data-testid="cf-add-nick">
                          {t("cust.form.addNick")}
                        </Button>
                      </Space>
                    )}
                  </Form.List>
                </Form.Item>
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name="province" label={t("cust.field.province")}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="city" label={t("cust.field.city")}>
                      <Input data-testid="cf-city" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="address" label={t("cust.field.address")}>
                  <Input />
                </Form.Item>
                <Form.Item name="sourceChannel" label={t("cust.field.source")}>
                  <Input placeholder={t("cust.form.sourcePlaceholder")} />
                </Form.Item>
                <Form.Item name="tags" label={t("cust.field.tags")}>
                  <Select mode="tags" tokenSeparators={[",", "，", " "]} placeholder={t("cust.form.tagsPlaceholder")} data-testid="cf-tags" />
                </Form.Item>
                <Form.Item name="notes" label={t("cust.field.notes")}>
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
              </Card>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="cf-save">
              {t("common.save")}
            </Button>
            <Button onClick={() => navigate(id === null ? "/customers" : `/customers/${id}`)}>{t("common.cancel")}</Button>
          </Space>
        </Form>
      </Spin>
    </div>
  );
}
