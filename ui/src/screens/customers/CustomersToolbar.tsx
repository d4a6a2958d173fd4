import { DeleteOutlined, MergeCellsOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n";

/** The customer list's way into the record screens: new customer, duplicates, recycle bin. */
export function CustomersToolbar() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Space wrap>
      <Button icon={<MergeCellsOutlined />} onClick={() => navigate("/customers/duplicates")} data-testid="customers-duplicates">
        {t("cust.duplicates.title")}
      </Button>
      <Button icon={<DeleteOutlined />} onClick={() => navigate("/customers/recycle-bin")} data-testid="customers-recycle-bin">
        {t("cust.bin.title")}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/customers/new")} data-testid="customer-new">
        {t("cust.new")}
      </Button>
    </Space>
  );
}
