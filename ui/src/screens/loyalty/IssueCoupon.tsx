import { Alert, App as AntApp, Form, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import { couponsIssue, customersList, type Coupon } from "../../lib/backend";
import { useDebounced } from "../../lib/useDebounced";
import { useErrorText } from "../../lib/useErrorText";
import { describeCoupon } from "./labels";

/** Issue one coupon to one customer, picked by name or phone search. */
export function IssueCoupon({ coupon, onClose, onIssued }: { coupon: Coupon | null; onClose: () => void; onIssued: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim(), 250);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [customer, setCustomer] = useState<{ value: number; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = coupon !== null;

  useEffect(() => {
    if (!open) return;
    let live = true;
    customersList({ page: 1, pageSize: 20, ...(debounced ? { search: debounced } : {}) })
      .then((p) => live && setOptions(p.rows.map((c) => ({ value: c.id, label: [c.name, c.phone, c.city].filter(Boolean).join(" · ") }))))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [debounced, open]);

  const close = () => {
    setCustomer(null);
    setError(null);
    setSearch("");
    onClose();
  };

  const submit = async () => {
    if (!coupon || !customer) {
      setError(t("coupon.form.required", { field: t("coupon.issue.customer") }));
      return;
    }
    setBusy(true);
    try {
      await couponsIssue({ couponId: coupon.id, customerIds: [customer.value] });
      void message.success(t("coupon.issue.done", { name: customer.label.split(" · ")[0] }));
      onIssued();
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={coupon ? t("coupon.issue.title", { name: coupon.name }) : ""}
      okText={t("coupon.issue.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: busy, ...({ "data-testid": "coupon-issue-ok" } as object) }}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      {coupon && <p>{describeCoupon(t, coupon)}</p>}
      <Form layout="vertical">
        <Form.Item label={t("coupon.issue.customer")} required>
          <Select
            showSearch
            filterOption={false}
            placeholder={t("coupon.issue.search")}
            onSearch={setSearch}
            value={customer?.value}
            onChange={(v: number) => setCustomer(options.find((o) => o.value === v) ?? null)}
            options={options}
            data-testid="coupon-issue-customer"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
